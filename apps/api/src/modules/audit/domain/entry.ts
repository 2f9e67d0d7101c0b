/** One audited change, as it is hashed: the fields in a fixed order. */
export interface AuditEntry {
  tenantId: string | null;
  at: string;
  actor: { kind: 'admin' } | { kind: 'api_key'; keyId: string };
  action: string;
  target: Record<string, string>;
  request: unknown;
  status: number;
  ip: string | null;
}

export const GENESIS = '0'.repeat(64);
const SECRET = /(secret|token|password|apikey|api_key|authorization|^key$)/i;

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

/** A request body fit to keep: every secret-looking field's value replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) && v !== null && typeof v !== 'object' ? '[redacted]' : redact(v)]));
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
