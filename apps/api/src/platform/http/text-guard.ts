import type { FieldError } from '../../shared/errors';

interface Visit { value: unknown; key: string | number | undefined; parent: Visit | undefined }

const pathOf = (visit: Visit): string => {
  const parts: string[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) {
    parts.unshift(typeof v.key === 'number' ? `[${v.key}]` : `.${v.key}`);
  }
  return parts.join('').replace(/^\./, '');
};

/**
 * PostgreSQL text cannot hold U+0000; find every string in a JSON body that has one. Walks with an
 * explicit stack, not recursion: a hostile body nested thousands of levels deep must not overflow it.
 */
export function nulCharacterErrors(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Visit[] = [{ value: body, key: undefined, parent: undefined }];
  while (pending.length) {
    const visit = pending.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors.push({ path: pathOf(visit) || 'body', message: 'may not contain NUL (\\u0000) characters' });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], key: i, parent: visit });
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [k] of entries) if (k.includes('\u0000')) errors.push({ path: pathOf(visit) || 'body', message: 'keys may not contain NUL characters' });
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], key: entries[i]![0], parent: visit });
    }
  }
  return errors;
}
