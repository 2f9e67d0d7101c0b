import type { ErrorCode } from '@frontdesk/contracts';
import { ApiError } from '../api/client';

/**
 * One map from the API's problem `code` to words per language. GENERIC answers any code a map
 * does not know (a newer server); NETWORK is the browser's own failure to reach the server.
 */
export type ErrorMessages = Partial<Record<ErrorCode, string>> & { GENERIC: string; NETWORK: string };

export function errorMessage(messages: ErrorMessages, err: unknown): string {
  const code = err instanceof ApiError ? err.code : 'GENERIC';
  return (messages as Record<string, string | undefined>)[code] ?? messages.GENERIC;
}
