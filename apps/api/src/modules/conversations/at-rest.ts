import { decryptField, encryptField } from '../../platform/crypto/fields';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';
import type { ConversationState, HeldMessage } from './domain/policy/types';

/** Message bodies are stored encrypted, and the dialogue state's sealed part. */
export const encryptedMessages: EncryptedTable = { table: 'messages', columns: ['text'], json: ['understanding', 'tool_calls'] };
/** What a turn understood and which tools it ran (names, phones, slots): one encrypted JSON string each. */
export const sealTurn = (value: unknown) => (value ? JSON.stringify(encryptField(JSON.stringify(value))) : null);
export const openTurn = (stored: unknown): unknown => (typeof stored === 'string' ? JSON.parse(decryptField(stored)) : stored ?? null);
export const encryptedStates: EncryptedTable = { table: 'conversations', columns: [], json: ['state'] };
/** Staff's private notes on a conversation. */
export const encryptedNotes: EncryptedTable = { table: 'conversation_notes', columns: ['text'] };

/**
 * The dialogue state keeps what the customer told us (name, phone, e-mail, answers, a message held
 * while consent is asked) sealed in `sealed`; the rest (stage, offers, ids) stays readable.
 */
type StoredState = Omit<ConversationState, 'customer' | 'fields'> & { customer: object; fields: object; sealed?: string };
export function sealState(state: ConversationState): StoredState {
  const { customer, fields, consent, ...rest } = state;
  const held = consent?.held;
  return { ...rest, customer: {}, fields: {}, ...(consent ? { consent: { status: consent.status } } : {}), sealed: encryptField(JSON.stringify({ customer, fields, held })) };
}
export function openState(stored: StoredState): ConversationState {
  if (!stored.sealed) return stored as ConversationState; // stored before encryption
  const { sealed, ...rest } = stored;
  const open = JSON.parse(decryptField(sealed)) as Pick<ConversationState, 'customer' | 'fields'> & { held?: HeldMessage };
  return { ...rest, customer: open.customer ?? {}, fields: open.fields ?? {}, ...(rest.consent ? { consent: { ...rest.consent, ...(open.held ? { held: open.held } : {}) } } : {}) };
}
