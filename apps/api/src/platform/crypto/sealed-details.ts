import { decryptField, encryptField } from './fields';
import type { EncryptedTable } from './field-rotation';

/**
 * A JSON document of details as stored (an event's data, a history entry, a notice's variables):
 * what says *what* changed (ids, times, statuses, amounts, who acted) stays readable for SQL and
 * the live stream; anything else — customer details, texts, answers, reasons, nested objects — is
 * sealed together in `sealed`. Readers get the whole document back.
 */
const CLEAR = new Set([
  'status', 'previousStatus', 'sourceChannel', 'author', 'channel', 'seq', 'handledBy', 'changed', 'by', 'kind', 'minutes',
  'stage', 'temperature', 'amount', 'currency', 'type', 'seats', 'attempt',
]);
const isClear = (key: string, value: unknown) =>
  value === null || typeof value === 'number' || typeof value === 'boolean' || CLEAR.has(key) || /(Id|Ids|At)$/.test(key);

export function sealDetails(data: Record<string, unknown>): Record<string, unknown> {
  const clear = Object.entries(data).filter(([k, v]) => isClear(k, v));
  const hidden = Object.entries(data).filter(([k, v]) => !isClear(k, v));
  return hidden.length ? { ...Object.fromEntries(clear), sealed: encryptField(JSON.stringify(Object.fromEntries(hidden))) } : data;
}

export function openDetails(stored: Record<string, unknown>): Record<string, unknown> {
  if (typeof stored.sealed !== 'string') return stored;
  const { sealed, ...clear } = stored;
  return { ...clear, ...(JSON.parse(decryptField(sealed)) as Record<string, unknown>) };
}

/** For key rotation: the sealed part of every event. */
export const encryptedEvents: EncryptedTable = { table: 'events', key: ['id'], columns: [], json: ['data'] };
