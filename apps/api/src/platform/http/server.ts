import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Principal } from '../auth/bearer';
import { AppError } from '../../shared/errors';
import { sendProblem, toAppError } from './problem';
import { nulCharacterErrors } from './text-guard';
import { validationError } from '../../shared/errors';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpOptions {
  logLevel: string;
  bodyLimitBytes?: number;
  authenticate: (request: FastifyRequest) => Promise<Principal>;
  version: string;
  /** Where the log lines go (standard output when unset); tests read them from here. */
  logStream?: { write(line: string): void };
}

/** A URL for the log: secrets carried in its query string replaced. */
export const redactQuery = (url: string): string => url.replace(/([?&](?:token|hub\.verify_token)=)[^&]*/g, '$1[redacted]');

/** Fastify with zod contracts, problem+json errors, OpenAPI at /v1/openapi.json and docs at /docs. */
export async function createHttpServer(options: HttpOptions): Promise<ZodApp> {
  const app = Fastify({
    logger: {
      level: options.logLevel, redact: ['req.headers.authorization'],
      ...(options.logStream ? { stream: options.logStream } : {}),
      // EventSource cannot send headers, so a chat stream carries its token in the query, and Meta's
      // webhook handshake its verify token: never log either.
      serializers: { req: (req) => ({ method: req.method, url: redactQuery(req.url), host: req.host, remoteAddress: req.ip }) },
    },
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, request, reply) =>
    sendProblem(reply, toAppError(err instanceof Error ? err : new Error(String(err)), request), request.url));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Frontdesk API', version: options.version, description: 'Bookings, availability and the catalogue of every tenant.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // Off by default; routes opt in with config.rateLimit (the public chat endpoints do).
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', `Too many requests; retry in ${context.after}`),
  });
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.addHook('preValidation', async (request) => {
    const errors = nulCharacterErrors(request.body);
    if (errors.length) throw validationError(errors);
  });
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/v1/') && !request.url.startsWith('/v1/openapi.json') && !isPublic(request.url)) {
      request.principal = await options.authenticate(request);
    }
  });
  return app;
}

/** Routes that authenticate by their own secret (a feed URL, a chat token, a provider signature) instead of an API key. */
function isPublic(url: string): boolean {
  return url.startsWith('/v1/ical/') || url.startsWith('/v1/chat/') || url.startsWith('/v1/webhooks/');
}
