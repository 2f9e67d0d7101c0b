import { AssistantProfile } from '@frontdesk/contracts';
import { AppError, notFound } from '../../shared/errors';
import { newSecret, sha256 } from '../../shared/ids';
import type { Database, Queryable } from '../../platform/db/database';
import { understand } from './domain/nlu/understand';
import type { Lang } from './domain/nlu/types';
import { step } from './domain/policy/policy';
import { newConversationState, type AwaitedReply, type ConversationState, type PolicyEvent, type Reply, type ReplyOption } from './domain/policy/types';
import { say } from './domain/policy/replies';
import { loadAssistantContext, type TenantAssistantContext } from './context';
import { conversationsRepository } from './repository';
import { runCommand } from './tools';
import { conversationInbox } from './inbox';
import { recordFromChannel, type ChannelMessage } from './channel-entry';
import { bookingSourceOf } from './domain/booking-source';
import type { ConversationRow, MessageRecord } from './repository';
import { streamConversation } from './stream';
import type { MessageListener } from '../../platform/db/listener';
import type { EventStream } from '../../platform/http/sse';
import type { AssistantPorts } from './ports';
import type { LlmTurns } from './llm';
import { consentGateApplies } from './domain/policy/consent';
import { consentAnswer, consentHolding, recordConsentAnswer, syncConsent } from './consent-turn';

const MAX_TOOL_ROUNDS = 6;
const HUMAN_HOLD_MS = 2 * 3600_000;
const langOf = (locale: string): Lang => (locale.startsWith('pt') ? 'pt' : locale.startsWith('es') ? 'es' : 'en');

const CONTEXT_TTL_MS = 5_000;

/** Who is sending: staff replies are checked against the channel's rules (the 24-hour window) and may be a template. */
export interface StaffSend { staff: boolean; template?: { name: string; language: string; variables: string[] } }
export type Deliver = (tx: Queryable, conversation: ConversationRow, replies: MessageRecord[], sender?: StaffSend) => Promise<void>;
export interface ConversationOptions { burstWindowMs: number; listener: MessageListener; llm?: LlmTurns }

export function conversationService(db: Database, ports: AssistantPorts, options: ConversationOptions) {
  // The catalogue an assistant talks about changes rarely; a few seconds of staleness only
  // affects wording, since every slot, hold and booking is checked by the scheduling module.
  const contexts = new Map<string, { value: Promise<TenantAssistantContext>; until: number }>();
  function assistantContext(tenantId: string): Promise<TenantAssistantContext> {
    const now = ports.clock.now();
    const cached = contexts.get(tenantId);
    if (cached && cached.until > now) return cached.value;
    const value = loadAssistantContext(ports, tenantId, () => conversationsRepository(db).profile(tenantId));
    value.catch(() => contexts.delete(tenantId));
    contexts.set(tenantId, { value, until: now + CONTEXT_TTL_MS });
    return value;
  }

  /** Something the customer did in a turn (confirmed a booking, rated us), for the modules that care. */
  async function publishFromTurn(tx: Queryable, tenantId: string, conversationId: string, type: string, data: Record<string, unknown>) {
    const conversation = await conversationsRepository(tx).get(tenantId, conversationId);
    if (conversation?.channel === 'test') return; // staff trying the assistant: no erasure request or rating to act on
    await ports.events?.publish(tx, { tenantId, type, subjectId: (data.bookingId as string | undefined) ?? conversationId, at: new Date(ports.clock.now()),
      data: { ...data, conversationId, contactId: conversation?.contactId ?? null } });
  }

  /** One customer message: understand, run the policy and its tools until done, store it all. */
  async function turn(tx: Queryable, tenantId: string, conversationId: string, state: ConversationState, text: string, contactId: string | null = null,
    channel?: string) {
    const now = ports.clock.now();
    const tenantCtx = await assistantContext(tenantId);
    const ctx = { ...tenantCtx.policy, now, bookingSource: bookingSourceOf(channel) };
    const repo = conversationsRepository(tx);
    state = await syncConsent(ports, tx, tenantId, contactId, state, ctx);
    const before = state;
    const offered = state.awaiting ? state.awaiting.options : [...state.offers.map((o) => ({ id: o.id, label: o.label })), ...state.cancelCandidates.map((c) => ({ id: c.id, label: c.label })),
      ...(state.stage === 'choosing_service' ? tenantCtx.services.map((s) => ({ id: s.id, label: s.name })) : [])];
    const heard = understand(text, {
      now, timeZone: ctx.timeZone, locale: ctx.locale, lastLang: state.lang,
      services: tenantCtx.services, staff: tenantCtx.staff, subjects: tenantCtx.subjects, offered,
    });
    // A quick-reply button sends its label (or id): that is a choice, whatever else it looks like.
    const pressed = offered.find((o) => [o.id, o.label].some((v) => v.trim().toLowerCase() === text.trim().toLowerCase()));
    const understanding = pressed ? { ...heard, intent: 'choose_option' as const, chosenOptionId: pressed.id, confidence: 1 } : heard;
    const handOff = () => repo.setHandler(tenantId, conversationId, 'human', new Date(now + HUMAN_HOLD_MS));
    // A configured LLM answers first; on any trouble it hands the turn back, with what its tools did.
    const viaLlm = consentGateApplies(state, text, ctx) ? undefined : await options.llm?.tryTurn({ tenantId, conversationId, state, text, understanding, assistant: tenantCtx, ctx, handOff });
    if (viaLlm?.answered) return viaLlm.turn;
    if (viaLlm) state = viaLlm.state;
    const answer = tenantCtx.knowledge.search(text, understanding.lang);
    let event: PolicyEvent = viaLlm?.resume ?? { kind: 'message', understanding, text, ...(answer ? { knowledge: answer } : {}) };
    const replies: Reply[] = [];
    const toolCalls: unknown[] = [...(viaLlm?.toolCalls ?? [])];
    for (let round = 0; round < MAX_TOOL_ROUNDS; round++) {
      const result = step(state, event, ctx);
      state = result.state;
      replies.push(...result.replies);
      // Commands run in order; the first one with something to report is fed back to the policy.
      let outcome: PolicyEvent | undefined;
      for (const command of result.commands) {
        outcome = await runCommand(ports, tenantId, state, ctx, command, handOff, (type, data) => publishFromTurn(tx, tenantId, conversationId, type, data));
        toolCalls.push({ command, outcome });
        if (outcome) break;
      }
      if (!outcome) break;
      event = outcome;
    }
    return { state, replies, understanding, toolCalls, consent: ctx.consent && { settings: ctx.consent, answer: consentAnswer(before, state), holding: consentHolding(state, ctx) } };
  }

  /** A turn, then whatever it learnt about who the customer is (and whether they want messages) goes to their contact record. */
  const inbox = conversationInbox(db, async (tx, tenantId, conversation, text) => {
    const outcome = await turn(tx, tenantId, conversation.id, conversation.state, text, conversation.contactId, conversation.channel);
    const before = conversation.state.customer;
    const after = outcome.state.customer;
    let contactId = conversation.contactId;
    if (contactId && (before.name !== after.name || before.phone !== after.phone || before.email !== after.email)) {
      contactId = await ports.contacts.identify(tx, tenantId, contactId, { ...after, lang: outcome.state.lang });
      if (contactId !== conversation.contactId) {
        await conversationsRepository(tx).setContact(tenantId, conversation.id, contactId);
        await ports.contacts.removeIfUnused(tx, tenantId, conversation.contactId!);
      }
    }
    if (contactId) {
      await ports.contacts.recordTurn(tx, tenantId,
        { contactId, channelId: conversation.channelId, text, intent: outcome.understanding?.intent, at: new Date(ports.clock.now()) });
    }
    const consent = 'consent' in outcome ? outcome.consent : undefined;
    if (consent?.answer && contactId) {
      await recordConsentAnswer(ports, tx, { tenantId, contactId, conversation, answer: consent.answer, state: outcome.state, consent: consent.settings,
        words: text, at: new Date(ports.clock.now()) });
    }
    if (!consent?.holding) await publishTurn(tx, tenantId, conversation, contactId, outcome);
    return outcome;
  }, { burstWindowMs: options.burstWindowMs, clock: ports.clock, deliver: (tx, c, r) => (deliver ? deliver(tx, c, r) : Promise.resolve()) });
  let deliver: Deliver | undefined;

  /** What the turn learnt, for the modules that follow conversations (leads, tickets, webhooks). */
  async function publishTurn(tx: Queryable, tenantId: string, conversation: ConversationRow, contactId: string | null,
    outcome: { state: ConversationState; understanding?: { intent: string } | undefined; toolCalls: unknown[] }) {
    if (!ports.events || conversation.channel === 'test') return; // staff trying the assistant: no lead, ticket or webhook
    const at = new Date(ports.clock.now());
    const base = { conversationId: conversation.id, contactId, channel: conversation.channel, channelId: conversation.channelId };
    await ports.events.publish(tx, { tenantId, type: 'conversation.turn', subjectId: conversation.id, at, data: {
      ...base, intent: outcome.understanding?.intent ?? null, stage: outcome.state.stage, fields: outcome.state.fields,
      bookingIds: outcome.state.bookingIds, changedBookingIds: changedBookings(outcome.toolCalls), optedOut: outcome.state.stage === 'opted_out',
    } });
    const handOff = outcome.toolCalls.map((c) => (c as { command?: { kind?: string; reason?: string } }).command)
      .find((c) => c?.kind === 'hand_off');
    if (handOff) {
      await ports.events.publish(tx, { tenantId, type: 'conversation.handed_off', subjectId: conversation.id, at, data: { ...base, reason: handOff.reason ?? null } });
    }
  }

  return {
    /** A new web-chat conversation: its id, the secret token for the customer, and the greeting. */
    async start(tenantSlug: string) {
      const tenant = await ports.tenants.tenantBySlug(tenantSlug);
      if (!tenant) throw notFound('Business');
      const token = newSecret(24);
      const lang = langOf(tenant.locale);
      const state = newConversationState(lang, ports.clock.now());
      return db.transaction(async (tx) => {
        const repo = conversationsRepository(tx);
        const contact = await ports.contacts.create(tx, tenant.id, { lang });
        const conversation = await repo.insert(tenant.id, 'web', sha256(token), state, contact.id);
        const profile = await conversationsRepository(tx).profile(tenant.id);
        const greeting = { text: profile?.greeting?.[lang] ?? say(lang, 'greet', { tenant: tenant.name }) };
        await repo.insertMessage(tenant.id, conversation.id, { direction: 'out', author: 'assistant', text: greeting.text });
        return { conversationId: conversation.id, token, replies: [greeting] };
      });
    },

    async business(tenantSlug: string) {
      const tenant = await ports.tenants.tenantBySlug(tenantSlug);
      if (!tenant) throw notFound('Business');
      return tenant;
    },

    /** Checks the customer's token and returns the tenant id. */
    async authorise(tenantSlug: string, conversationId: string, token: string | undefined): Promise<string> {
      const tenant = await ports.tenants.tenantBySlug(tenantSlug);
      const conversation = tenant && (await conversationsRepository(db).get(tenant.id, conversationId));
      if (!tenant || !conversation) throw notFound('Conversation');
      if (!token || conversation.tokenHash !== sha256(token)) throw new AppError('UNAUTHENTICATED', 'This conversation needs its token');
      return tenant.id;
    },

    /** A customer message; a repeated clientMessageId returns the first answer and changes nothing. */
    receive: (tenantId: string, conversationId: string, text: string, clientMessageId?: string) =>
      inbox.receive(tenantId, conversationId, text, clientMessageId),
    sweepPending: (olderThanMs: number) => inbox.sweep(olderThanMs),
    /** The channels module sends what is said in channel conversations (assistant and staff). */
    useDelivery(fn: Deliver) { deliver = fn; },
    fromChannel: (tx: Queryable, message: ChannelMessage) => recordFromChannel(tx, ports, message),
    processPending: (tenantId: string, conversationId: string) => inbox.processPending(tenantId, conversationId),

    profile: async (tenantId: string): Promise<AssistantProfile> =>
      (await conversationsRepository(db).profile(tenantId)) ?? AssistantProfile.parse({}),
    async saveProfile(tenantId: string, profile: AssistantProfile): Promise<void> {
      await conversationsRepository(db).saveProfile(tenantId, profile);
      contexts.delete(tenantId);
    },
    /** Live messages of a conversation as Server-Sent Events (staff replies reach the customer at once). */
    async stream(tenantId: string, conversationId: string, after: number, events: EventStream): Promise<void> {
      if (!(await conversationsRepository(db).get(tenantId, conversationId))) throw notFound('Conversation');
      await streamConversation(db, options.listener, events, tenantId, conversationId, after);
    },
    messages: (tenantId: string, conversationId: string, afterSeq?: number) =>
      conversationsRepository(db).messages(tenantId, conversationId, afterSeq),
    list: (tenantId: string) => conversationsRepository(db).list(tenantId, 100),
    /** The words of some messages, by id (a booking's timeline shows what each notice said). */
    texts: (tenantId: string, ids: string[]) => conversationsRepository(db).texts(tenantId, ids),
    /** The language a conversation is being held in. */
    language: async (tx: Queryable, tenantId: string, conversationId: string) => (await conversationsRepository(tx).get(tenantId, conversationId))?.state.lang,

    async get(tenantId: string, conversationId: string) {
      const conversation = await conversationsRepository(db).get(tenantId, conversationId);
      if (!conversation) throw notFound('Conversation');
      return conversation;
    },
    /** Staff take the conversation: the assistant stays silent until the hold expires or they hand it back. */
    async takeOver(tenantId: string, conversationId: string, minutes: number): Promise<void> {
      if (!(await conversationsRepository(db).get(tenantId, conversationId))) throw notFound('Conversation');
      await conversationsRepository(db).setHandler(tenantId, conversationId, 'human', new Date(ports.clock.now() + minutes * 60_000));
    },
    async handBack(tenantId: string, conversationId: string): Promise<void> {
      if (!(await conversationsRepository(db).get(tenantId, conversationId))) throw notFound('Conversation');
      await conversationsRepository(db).setHandler(tenantId, conversationId, 'assistant', null);
    },
    /** A conversation for a channel handle that has none yet (we write first: a reminder by e-mail or SMS). */
    async openForChannel(tx: Queryable, input: { tenantId: string; channelType: string; channelId: string; contactId: string; lang?: Lang }) {
      const tenant = await ports.tenants.tenant(input.tenantId);
      const state = newConversationState(input.lang ?? langOf(tenant.locale), ports.clock.now());
      return conversationsRepository(tx).insertForChannel(input.tenantId, input.channelType, input.channelId, state, input.contactId);
    },
    /**
     * A message the business sends on its own (a reminder, a rating question) into a conversation,
     * delivered on its channel. With `awaiting`, the customer's next message is first read as the
     * answer to it ("2" under a reminder moves that booking).
     */
    async sendOnOwn(tx: Queryable, input: { tenantId: string; conversationId: string; text: string; options?: ReplyOption[];
      awaiting?: AwaitedReply; template?: StaffSend['template'] }): Promise<MessageRecord> {
      const repo = conversationsRepository(tx);
      const conversation = await repo.lock(input.tenantId, input.conversationId); // never in the middle of a turn
      if (!conversation) throw notFound('Conversation');
      const message = (await repo.insertMessage(input.tenantId, conversation.id,
        { direction: 'out', author: 'assistant', text: input.text, ...(input.options ? { options: input.options } : {}) }))!;
      if (input.awaiting) await repo.setAwaiting(input.tenantId, conversation.id, input.awaiting);
      if (deliver && conversation.channelId) {
        await deliver(tx, conversation, [message], input.template ? { staff: false, template: input.template } : undefined);
      }
      return message;
    },
    /** A person's reply; on a channel it goes out through the channel (a template when given). */
    async staffReply(tenantId: string, conversationId: string, text: string, template?: StaffSend['template']) {
      return db.transaction(async (tx) => {
        const conversation = await conversationsRepository(tx).get(tenantId, conversationId);
        if (!conversation) throw notFound('Conversation');
        const message = (await conversationsRepository(tx).insertMessage(tenantId, conversationId, { direction: 'out', author: 'staff', text }))!;
        if (deliver && conversation.channelId) await deliver(tx, conversation, [message], { staff: true, ...(template ? { template } : {}) });
        return message;
      });
    },
  };
}
export type ConversationService = ReturnType<typeof conversationService>;

/** The bookings a turn made, moved or cancelled (it told the customer so itself). */
function changedBookings(toolCalls: unknown[]): string[] {
  return toolCalls.flatMap((call) => {
    const outcome = (call as { outcome?: { kind?: string; bookingId?: string } }).outcome;
    return outcome?.bookingId && ['booked', 'rescheduled', 'cancelled'].includes(outcome.kind ?? '') ? [outcome.bookingId] : [];
  });
}
