import { errorCodes, type ErrorCode } from '@frontdesk/contracts';

export interface FieldError {
  path: string;
  message: string;
}

/** A failure with a stable code; mapped to application/problem+json once, in platform/http. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail ?? errorCodes[code].title);
    this.status = errorCodes[code].status;
  }
}

export function validationError(errors: FieldError[], code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return new AppError(code, detail, { errors });
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
