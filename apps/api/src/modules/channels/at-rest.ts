import { decryptField, encryptField, encryptSame } from '../../platform/crypto/fields';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';
import type { InboundEvent } from './domain/types';

/**
 * A customer's handle on a channel (a phone number, an e-mail address, a chat id) is stored
 * encrypted with `encryptSame`, so rows are still found, keyed and grouped by it; a send's text too.
 */
export const encryptedIdentities: EncryptedTable = { table: 'channel_identities', key: ['tenant_id', 'channel_id', 'handle'], columns: ['handle'], same: ['handle'] };
export const encryptedOutbox: EncryptedTable = { table: 'outbox', columns: ['handle'], same: ['handle'], json: ['payload'] };
export const encryptedInbound: EncryptedTable = { table: 'inbound_events', key: ['id'], columns: [], json: ['payload'] };

/**
 * A customer's message as stored until processed: who (`encryptSame`, so an erasure finds it) and
 * what they sent (name, content and mail thread sealed together).
 */
export type StoredEvent = InboundEvent | (Omit<Extract<InboundEvent, { kind: 'message' }>, 'name' | 'content' | 'thread'> & { sealed: string });
export function sealEvent(event: InboundEvent): StoredEvent {
  if (event.kind !== 'message') return event;
  const { name, content, thread, ...rest } = event;
  return { ...rest, from: encryptSame(event.from), sealed: encryptField(JSON.stringify({ name, content, thread })) };
}
export function openEvent(stored: StoredEvent): InboundEvent {
  if (!('sealed' in stored)) return stored;
  const { sealed, ...rest } = stored;
  return { ...rest, from: decryptField(rest.from), ...JSON.parse(decryptField(sealed)) } as InboundEvent;
}

/** The queue of sends to one handle, as jobs name it (never the handle in clear). */
export const sendLine = (handle: string): string => encryptSame(handle);
