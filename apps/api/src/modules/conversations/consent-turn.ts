import type { Queryable } from '../../platform/db/database';
import { withLedger } from './domain/policy/consent';
import type { ConversationState, PolicyContext } from './domain/policy/types';
import type { ConversationRow } from './repository';
import type { AssistantPorts } from './ports';

type Answer = 'granted' | 'refused' | 'withdrawn';

/** The conversation's idea of the contact's consent, brought in line with the ledger before a turn. */
export async function syncConsent(ports: AssistantPorts, tx: Queryable, tenantId: string, contactId: string | null,
  state: ConversationState, ctx: Pick<PolicyContext, 'consent'>): Promise<ConversationState> {
  if (!ctx.consent || !contactId) return state;
  return withLedger(state, await ports.contacts.consentStatus(tx, tenantId, contactId, ctx.consent.purposes));
}

/** The answer this turn gave to the consent question, if it gave one. */
export function consentAnswer(before: ConversationState, after: ConversationState): Answer | undefined {
  const now = after.consent?.status;
  return now && now !== 'pending' && now !== before.consent?.status ? now : undefined;
}

/** While consent is not given, the turn is the ledger's business only: nothing is passed on to leads, tickets or webhooks. */
export const consentHolding = (state: ConversationState, ctx: Pick<PolicyContext, 'consent'>): boolean =>
  Boolean(ctx.consent) && state.consent?.status !== 'granted' && state.stage !== 'handoff' && state.stage !== 'opted_out';

/** Appends the answer to the contact's consent ledger with the exact question they were shown and their words. */
export async function recordConsentAnswer(ports: AssistantPorts, tx: Queryable, input: {
  tenantId: string; contactId: string; conversation: ConversationRow; answer: Answer; state: ConversationState;
  consent: NonNullable<PolicyContext['consent']>; words: string; at: Date;
}): Promise<void> {
  const { consent, state, conversation } = input;
  await ports.contacts.recordConsent(tx, input.tenantId, {
    contactId: input.contactId, purposes: consent.purposes, answer: input.answer, channel: conversation.channel,
    channelId: conversation.channelId, conversationId: conversation.id, lang: state.lang,
    text: consent.text[state.lang] ?? Object.values(consent.text)[0] ?? '', words: input.words, recordedBy: 'assistant', at: input.at,
  });
}
