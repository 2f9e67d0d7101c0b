import { decryptField, encryptSameAll } from '../../src/platform/crypto/fields';

/** Rows read straight from the database with their encrypted personal fields opened (the app's keys are installed). */
export function readable<T extends Record<string, unknown>>(rows: T[]): T[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? decryptField(v) : v])) as T);
}

/** A channel handle as rows may store it (encrypted the same way each time, or in clear from before): query with `= ANY`. */
export const storedHandles = (handle: string): string[] => [handle, ...encryptSameAll(handle)];

/** What a turn recorded (`understanding`, `tool_calls`), stored as one encrypted JSON string; older rows as JSON. */
export const openTurn = <T>(stored: unknown): T | null => (typeof stored === 'string' ? JSON.parse(decryptField(stored)) as T : (stored as T | null));
