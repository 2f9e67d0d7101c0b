import type { Database } from '../db/database';
import type { SecretBox } from './secrets';

const CANARY = 'frontdesk';

/**
 * The first server seals a known value; every later one must open it, or it is running with a
 * different FRONTDESK_SECRET_KEY than the one that sealed the stored secrets.
 */
export async function checkSecretKey(db: Database, box: SecretBox): Promise<void> {
  await db.query(`INSERT INTO secret_key_check (id, sealed) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [box.seal(CANARY)]);
  const [row] = await db.query<{ sealed: string }>(`SELECT sealed FROM secret_key_check WHERE id = 1`);
  let opened: unknown;
  try {
    opened = box.open(row!.sealed);
  } catch {
    opened = undefined;
  }
  if (opened !== CANARY) {
    throw new Error('This database\'s secrets were sealed with another key: start every server with the same FRONTDESK_SECRET_KEY '
      + '(and the old one in FRONTDESK_PREVIOUS_SECRET_KEYS while rotating)');
  }
}
