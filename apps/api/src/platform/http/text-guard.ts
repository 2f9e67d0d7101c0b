import type { FieldError } from '../../shared/errors';

/** PostgreSQL text cannot hold U+0000; find every string in a JSON body that has one. */
export function nulCharacterErrors(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path: path || 'body', message: 'may not contain NUL (\\u0000) characters' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulCharacterErrors(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.includes('\u0000') ? [{ path: path || 'body', message: 'keys may not contain NUL characters' }] : []),
      ...nulCharacterErrors(v, path ? `${path}.${k}` : k),
    ]);
  }
  return [];
}
