import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCodes, type ErrorCode } from '@frontdesk/contracts';
import { AppError, type FieldError } from '../../shared/errors';

export function sendProblem(reply: FastifyReply, err: AppError, instance?: string): FastifyReply {
  const { errors, ...extra } = err.extra;
  return reply
    .code(err.status)
    .type('application/problem+json')
    .send({
      type: `https://frontdesk.dev/errors/${err.code}`,
      title: errorCodes[err.code].title,
      status: err.status,
      code: err.code,
      detail: err.message,
      ...(instance ? { instance } : {}),
      ...(errors ? { errors } : {}),
      ...extra,
    });
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
};

const DATA_LIMITS: Record<string, string> = {
  '22003': 'A number is out of the range that can be stored',
  '22007': 'A date or time is not valid',
  '22008': 'A date or time is out of the range that can be stored',
  '22P02': 'A value is not valid for its field',
  '54000': 'A value is too large to be stored',
};

/** Maps every thrown error to one problem+json response; 5xx bodies never leak internals. */
export function toAppError(err: FastifyError | Error, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors: FieldError[] = err.validation.map((v) => ({
      path: fieldPath(err.validationContext, v.instancePath),
      message: v.message ?? 'is not valid',
    }));
    return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const fastifyCode = (err as FastifyError).code;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' || (err as FastifyError).statusCode === 413) return tooLarge(request);
  if (fastifyCode && frameworkCodes[fastifyCode]) {
    return new AppError(frameworkCodes[fastifyCode], err.message);
  }
  if (err instanceof SyntaxError && /JSON/.test(err.message)) return new AppError('MALFORMED_JSON', err.message);
  const sqlState = (err as { code?: unknown }).code;
  if (sqlState === '22021' || sqlState === '22P05') {
    return new AppError('VALIDATION_FAILED', 'Text may not contain NUL (\\u0000) characters');
  }
  // A value the contracts let through but the database cannot hold (a date out of its range, a number
  // too big for its column, a text too long to index) is the caller's input, not our failure.
  if (typeof sqlState === 'string' && DATA_LIMITS[sqlState]) {
    request.log.warn({ err }, 'input refused by the database');
    return new AppError('VALIDATION_FAILED', DATA_LIMITS[sqlState]);
  }
  const status = (err as FastifyError).statusCode;
  if (status === 404) return new AppError('NOT_FOUND', 'No such route');
  if (status === 405) return new AppError('METHOD_NOT_ALLOWED');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', err.message);
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', err.message);
  if (status && status >= 400 && status < 500) return new AppError('VALIDATION_FAILED', err.message);
  request.log.error({ err }, 'unhandled error');
  return new AppError('INTERNAL', 'Something went wrong on our side; it has been logged');
}

/** Names the limit of the route that refused the body (provider webhooks have their own). */
function tooLarge(request: FastifyRequest): AppError {
  const limitBytes = request.routeOptions.bodyLimit;
  const size = limitBytes % 1024 === 0 ? `${limitBytes / 1024} KiB` : `${limitBytes} bytes`;
  return new AppError('PAYLOAD_TOO_LARGE', `The body is larger than this route's limit of ${size}`, { limitBytes });
}

function fieldPath(context: string | undefined, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').split('/').filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
  const where = context === 'querystring' ? 'query' : context ?? 'body';
  return inner ? (where === 'body' ? inner : `${where}.${inner}`) : where;
}
