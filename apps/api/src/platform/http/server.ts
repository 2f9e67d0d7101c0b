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
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import cookie from '@fastify/cookie';
import type { Principal } from '../auth/permissions';
import { authorizeRequest, requireRouteRule } from '../auth/authorize-request';
import { AppError } from '../../shared/errors';
import { sendProblem, toAppError } from './problem';
import { nulCharacterErrors } from './text-guard';
import { validationError } from '../../shared/errors';
import { registerRateLimits, type RateLimitSettings } from './limits';
import { registerSecurityHeaders } from './headers';
import { registerCors } from './cors';

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
  /** Per credential, tenant and address (none when unset); the routes' own limits apply regardless. */
  rateLimits?: RateLimitSettings;
  /** The server's public URL: HSTS and upgraded requests when it is https. */
  publicUrl?: string;
  /** Browser origins that may call /v1 with credentials (the dashboard). */
  dashboardOrigins?: readonly string[];
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
    // Malformed percent-encoding and over-long path parameters fail before routing: answer them as problem+json too.
    frameworkErrors: (err, request, reply) => void sendProblem(reply, toAppError(err, request), request.url.split('?')[0]),
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
      components: { securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'fd_session', description: 'staff sign-in (POST /v1/auth/login); changes need X-CSRF-Token' },
      } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(cookie);
  await registerRateLimits(app, options.rateLimits ?? { perKey: 0, perTenant: 0, perIp: 0, signInPerIp: 0, webhooksPerIp: 0 });
  await registerSecurityHeaders(app, { https: options.publicUrl?.startsWith('https:') ?? false });
  await registerCors(app, options.dashboardOrigins ?? []);
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.addHook('preValidation', async (request) => {
    const errors = nulCharacterErrors(request.body);
    if (errors.length) throw validationError(errors);
  });
  app.addHook('onRoute', requireRouteRule);
  app.addHook('onRequest', (request) => authorizeRequest(request, options.authenticate));
  return app;
}
