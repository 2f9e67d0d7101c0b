import { performance } from 'node:perf_hooks';
import type { Database } from '../../../platform/db/database';
import { localDate } from '../../../shared/time/zone';
import type { Understanding } from '../domain/nlu/types';
import { handoffRule } from '../domain/policy/handoff';
import { rememberFields } from '../domain/policy/qualification';
import { say } from '../domain/policy/replies';
import type { ConversationState, PolicyContext, Reply, ToolEvent } from '../domain/policy/types';
import type { TenantAssistantContext } from '../context';
import type { AssistantPorts } from '../ports';
import { runAgent, type AgentResult } from './agent';
import { admit, closedBreaker, recordFailure, recordSuccess, type BreakerOptions, type BreakerState } from './breaker';
import { LlmError, type ChatMessage, type CompleteChat } from './client';
import { unsupportedClaims } from './grounding';
import { promptMessages } from './prompt';
import { llmRepository, type KeySealer, type LlmSettingsRow } from './repository';
import { capReached, costOf, estimateUsage, rateCardFor } from './spend';
import { toolSpecs } from './tool-specs';

const HISTORY = 20;

export interface LlmOptions {
  client: CompleteChat; defaultTimeoutMs: number; breaker: BreakerOptions;
  /** Seals the tenant's API key at rest (the platform's secret box). */
  secrets: KeySealer;
}

export interface LlmTurnInput {
  tenantId: string;
  conversationId: string;
  state: ConversationState;
  text: string;
  understanding: Understanding;
  assistant: TenantAssistantContext;
  ctx: PolicyContext;
  handOff: () => Promise<void>;
}
export interface TurnResult { state: ConversationState; replies: Reply[]; understanding: Understanding; toolCalls: unknown[] }
/**
 * The LLM answered, or the embedded engine should: then from `state` (what the model's tools
 * already did), phrasing `resume` (their last outcome) if there is one, else the message.
 */
export type LlmTurn = { answered: true; turn: TurnResult } | { answered: false; state: ConversationState; toolCalls: unknown[]; resume?: ToolEvent };

const SETTINGS_TTL_MS = 5_000;

export function llmTurns(db: Database, ports: AssistantPorts, options: LlmOptions) {
  const repo = llmRepository(db, options.secrets);
  const breakers = new Map<string, BreakerState>();
  const breakerOf = (tenantId: string) => breakers.get(tenantId) ?? closedBreaker;

  // Read on every turn, changed rarely: kept a few seconds, dropped at once when saved (forget).
  const settingsCache = new Map<string, { until: number; value: Promise<LlmSettingsRow | undefined> }>();
  function settingsOf(tenantId: string): Promise<LlmSettingsRow | undefined> {
    const now = Date.now();
    const hit = settingsCache.get(tenantId);
    if (hit && hit.until > now) return hit.value;
    const value = repo.settings(tenantId);
    value.catch(() => settingsCache.delete(tenantId));
    settingsCache.set(tenantId, { until: now + SETTINGS_TTL_MS, value });
    return value;
  }

  async function tryTurn(input: LlmTurnInput): Promise<LlmTurn> {
    const settings = await settingsOf(input.tenantId);
    if (!configured(settings)) return { answered: false, state: input.state, toolCalls: [] };
    const skip = (reason: string): LlmTurn => ({ answered: false, state: input.state, toolCalls: [{ llm: { skipped: reason } }] });
    if (input.state.stage === 'opted_out' || input.understanding.intent === 'opt_out') return skip('opt_out');
    if (input.understanding.intent === 'erase_data') return skip('erasure_request');
    // The business's own hand-off rules (Speedy Van's "piano") are the embedded engine's to apply.
    if (handoffRule(input.understanding, input.text, input.ctx)) return skip('handoff_rule');
    const now = ports.clock.now();
    const day = localDate(now, input.ctx.timeZone);
    const spent = (await repo.usage(input.tenantId, day)).reduce((sum, r) => sum + r.cost, 0);
    if (capReached(spent, settings.dailyCap)) return skip('daily_cap');
    const gate = admit(breakerOf(input.tenantId), now, options.breaker);
    if (!gate.allowed) return skip('breaker_open');
    breakers.set(input.tenantId, gate.state);

    const state = remember(input);
    const history = await repo.recentMessages(input.tenantId, input.conversationId, HISTORY);
    const messages = promptMessages(input.ctx, state, history, input.text);
    const env = { ports, tenantId: input.tenantId, ctx: input.ctx, assistant: input.assistant, understanding: input.understanding, handOff: input.handOff };
    const calls = completions(input.tenantId, settings, day, spent, input.ctx.currency);
    const result = await runAgent(env, state, messages, calls);
    if (!result.ok) return fallback(input, result);
    const unsupported = unsupportedClaims(result.text, groundingFacts(input, result));
    if (unsupported.length) return fallback(input, { ...result, ok: false, reason: 'ungrounded', detail: { unsupported, reply: result.text } });
    return { answered: true, turn: answer(input, result, settings.model) };
  }

  /** Each completion: through the breaker, timed out, and its spend recorded outside the turn's transaction. */
  function completions(tenantId: string, settings: Configured, day: string, spentBefore: number, tenantCurrency?: string) {
    const timeoutMs = settings.timeoutMs ?? options.defaultTimeoutMs;
    // The conversation stays locked while we wait: the whole turn gets twice one call's timeout.
    const deadline = performance.now() + 2 * timeoutMs;
    const currency = settings.dailyCap?.currency ?? tenantCurrency ?? 'USD';
    const card = rateCardFor(settings.model, settings.pricing, currency);
    let spent = spentBefore;
    return {
      stopReason: () => (capReached(spent, settings.dailyCap) ? 'daily_cap' : undefined),
      async complete(messages: ChatMessage[]) {
        const endpoint = { baseUrl: settings.baseUrl, model: settings.model, apiKey: settings.apiKey, timeoutMs: Math.min(timeoutMs, Math.floor(deadline - performance.now())) };
        try {
          if (endpoint.timeoutMs <= 0) throw new LlmError('timeout', 'the turn ran out of time');
          const completion = await options.client(endpoint, messages, toolSpecs);
          breakers.set(tenantId, recordSuccess());
          const usage = completion.usage ?? estimateUsage(JSON.stringify(messages).length, JSON.stringify(completion).length);
          const cost = costOf(usage, card);
          spent += cost;
          await repo.addUsage(tenantId, day, settings.model, usage, cost, currency);
          const record = { model: settings.model, ...usage, cost, currency, toolCalls: completion.toolCalls.map((c) => c.function.name) };
          return { completion, record };
        } catch (err) {
          if (err instanceof LlmError) breakers.set(tenantId, recordFailure(breakerOf(tenantId), ports.clock.now(), options.breaker));
          throw err;
        }
      },
    };
  }

  return {
    tryTurn,
    forget: (tenantId: string) => {
      breakers.delete(tenantId);
      settingsCache.delete(tenantId);
    },
  };
}
export type LlmTurns = ReturnType<typeof llmTurns>;

type Configured = LlmSettingsRow & { baseUrl: string; model: string };
const configured = (s: LlmSettingsRow | undefined): s is Configured => Boolean(s?.enabled && s.baseUrl && s.model);

/** What the message itself tells us, kept the way the embedded engine keeps it. */
function remember({ state, understanding: u, text, ctx }: LlmTurnInput): ConversationState {
  const e = u.entities;
  const customer = { name: e.personName ?? state.customer.name, phone: e.phone ?? state.customer.phone, email: e.email ?? state.customer.email };
  return rememberFields({ ...state, lang: u.lang, lastActivityAt: ctx.now, misses: 0, customer }, u, text, ctx);
}

/** Times and prices the reply may state: this turn's tool results, the offers on the table, the customer's words. */
function groundingFacts(input: LlmTurnInput, result: AgentResult): string[] {
  const states = [input.state, result.state];
  const labels = states.flatMap((s) => [...s.offers.map((o) => o.label), ...s.cancelCandidates.map((b) => b.label), s.chosen?.label ?? '']);
  return [...result.facts, ...labels, input.text];
}

function answer(input: LlmTurnInput, result: AgentResult & { ok: true }, model: string): TurnResult {
  const offering = result.state.stage === 'offering' && result.sources.includes('availability.find_slots') && result.state.offers.length > 0;
  const reply: Reply = {
    text: result.text, sources: ['llm', ...new Set(result.sources)],
    ...(offering ? { options: result.state.offers.map((o) => ({ id: o.id, label: o.label })) } : {}),
  };
  return { state: result.state, replies: [reply], understanding: input.understanding, toolCalls: [...result.records, { llm: { answered: model } }] };
}

function fallback(input: LlmTurnInput, result: AgentResult & { ok: false }): LlmTurn {
  const toolCalls = [...result.records, { llm: { fallback: result.reason, ...result.detail } }];
  // The model already called a person: say so, as the embedded engine would.
  const calledPerson = result.records.some((r) => (r as { command?: { kind: string } }).command?.kind === 'hand_off');
  if (calledPerson && !result.lastEvent) {
    const replies = [{ text: say(result.state.lang, 'handoff') }];
    return { answered: true, turn: { state: result.state, replies, understanding: input.understanding, toolCalls } };
  }
  // The embedded engine judges staleness from the last activity before this message.
  const state = { ...result.state, lastActivityAt: input.state.lastActivityAt };
  return { answered: false, state, toolCalls, ...(result.lastEvent ? { resume: result.lastEvent } : {}) };
}
