/**
 * The API as the dashboard sees it: same origin, the session cookie, and the CSRF token that the
 * session answer carried on every request that changes something. Every failure becomes an
 * ApiError with the problem's stable `code` (or NETWORK when the server could not be reached).
 */
export interface FieldError { path: string; message: string }

export class ApiError extends Error {
  constructor(readonly code: string, readonly status: number, detail?: string, readonly fields: FieldError[] = [],
    /** The whole problem body (e.g. a booking conflict's `reasons`). */
    readonly problem: Record<string, unknown> = {}) {
    super(detail ?? code);
  }
}

let csrfToken: string | undefined;
/** Remembered from the session answer (sign-in, invitation, GET /v1/auth/session). */
export function rememberCsrf(token: string | undefined): void {
  csrfToken = token;
}

const unsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (unsafe(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError('NETWORK', 0);
  }
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw toApiError(res.status, body);
  return body as T;
}

function toApiError(status: number, body: unknown): ApiError {
  const problem = (body ?? {}) as { code?: unknown; detail?: unknown; errors?: unknown };
  const code = typeof problem.code === 'string' ? problem.code : status >= 500 ? 'INTERNAL' : 'UNKNOWN';
  const fields = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
  return new ApiError(code, status, typeof problem.detail === 'string' ? problem.detail : undefined, fields, problem as Record<string, unknown>);
}

/** Every page of a cursor-paginated list (bounded, so a huge range cannot loop for ever). */
export async function allPages<T>(path: string, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res: { items: T[]; nextCursor: string | null } = await api(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...res.items);
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  return items;
}
