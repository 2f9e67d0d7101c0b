import { AppError } from '../../../shared/errors';
import { sha256 } from '../../../shared/ids';
import type { Database, Queryable } from '../../../platform/db/database';
import { idempotencyRepository } from '../repository/idempotency';

export interface Replayable<T> {
  status: number;
  body: T;
  replayed: boolean;
}

class AlreadyCompleted extends Error {}

export const requestHash = (body: unknown): string => sha256(JSON.stringify(body ?? null));

/**
 * Runs a creating request at most once per Idempotency-Key. The key is claimed in the same
 * transaction as the write, so a crash or a lost race never leaves a key without its result.
 */
export async function idempotent<T>(
  db: Database, tenantId: string, key: string, hash: string, status: number,
  run: (hooks: { first: (tx: Queryable) => Promise<void>; last: (tx: Queryable, body: T) => Promise<void> }) => Promise<T>,
): Promise<Replayable<T>> {
  const repo = idempotencyRepository(db);
  const replay = async (): Promise<Replayable<T> | undefined> => {
    const stored = await repo.find(tenantId, key);
    if (!stored) return undefined;
    if (stored.requestHash !== hash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
    }
    if (stored.status === null) throw new AppError('IDEMPOTENCY_KEY_IN_USE');
    return { status: stored.status, body: stored.body as T, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const body = await run({
      first: async (tx) => {
        if (!(await idempotencyRepository(tx).claim(tenantId, key, hash))) throw new AlreadyCompleted();
      },
      last: (tx, result) => idempotencyRepository(tx).complete(tenantId, key, status, result),
    });
    return { status, body, replayed: false };
  } catch (err) {
    // A concurrent request with the same key may have finished first: answer with its result.
    const winner = await replay();
    if (winner) return winner;
    throw err;
  }
}
