/** One audited change, as it is hashed: the fields in a fixed order. */
export interface AuditEntry {
  tenantId: string | null;
  at: string;
  /** Who: the platform (admin key or an operator), an API key, or a staff member with their role. */
  actor: Record<string, string> & { kind: string };
  action: string;
  target: Record<string, string>;
  request: unknown;
  /** The object as the API showed it before and after the change (absent when there was none to show). */
  before?: unknown;
  after?: unknown;
  status: number;
  ip: string | null;
}

export const GENESIS = '0'.repeat(64);
const SECRET = /(secret|token|password|apikey|api_key|authorization|^key$|^code$|totp)/i;

/** The text an entry's hash covers: the previous hash, then the entry with its keys sorted. */
export function chainText(prevHash: string, entry: AuditEntry): string {
  return `${prevHash}\n${canonical(entry)}`;
}

/** JSON with object keys sorted at every level, so the same entry always gives the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Past this depth a kept body holds a marker: the trail's recursive walks must not overflow on a hostile body. */
const MAX_DEPTH = 32;

/** A request body fit to keep: every secret-looking field's value replaced, nesting cut at MAX_DEPTH. */
export function redact(value: unknown, depth = 0): unknown {
  if (value && typeof value === 'object' && depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) && v !== null && typeof v !== 'object' ? '[redacted]' : redact(v, depth + 1)]));
  }
  return value;
}

/** What is wrong with a stored chain, given each row and the hash function: the first broken row, if any. */
export function firstBreak(rows: { id: number; prevHash: string; hash: string; entry: AuditEntry }[], previousHash: string,
  hash: (text: string) => string): { id: number; reason: 'modified' | 'missing_before' } | undefined {
  let prev = previousHash;
  for (const row of rows) {
    if (row.prevHash !== prev) return { id: row.id, reason: 'missing_before' };
    if (hash(chainText(row.prevHash, row.entry)) !== row.hash) return { id: row.id, reason: 'modified' };
    prev = row.hash;
  }
  return undefined;
}

/** A value of an audited body kept out of the chain: the entry holds `{ $ref }`, the value lives (erasably) beside it. */
export interface DetachedValue { ref: string; value: string }
const KEPT_INLINE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\[redacted\])$/i;

/**
 * Moves every string of a body (but ids) out of what the hash chain covers, so that erasing a person
 * rewrites their values without touching a hashed entry. `newRef` gives a fresh random reference.
 */
export function detachValues(value: unknown, newRef: () => string, out: DetachedValue[] = []): { body: unknown; values: DetachedValue[] } {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (KEPT_INLINE.test(v)) return v;
      const ref = newRef();
      out.push({ ref, value: v });
      return { $ref: ref };
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { body: walk(value), values: out };
}

/** The body as it was sent, its references filled in (a value erased since reads as `[erased]`). */
export function attachValues(body: unknown, values: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(body)) return body.map((v) => attachValues(v, values));
  if (body && typeof body === 'object') {
    const ref = (body as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && Object.keys(body).length === 1) return values.get(ref) ?? '[erased]';
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, attachValues(v, values)]));
  }
  return body;
}

/** Every reference an entry's body holds. */
export function refsOf(body: unknown, out: string[] = []): string[] {
  if (Array.isArray(body)) body.forEach((v) => refsOf(v, out));
  else if (body && typeof body === 'object') {
    const ref = (body as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') out.push(ref);
    else Object.values(body).forEach((v) => refsOf(v, out));
  }
  return out;
}
