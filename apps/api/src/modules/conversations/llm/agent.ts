import type { ConversationState, ToolEvent } from '../domain/policy/types';
import { LlmError, type ChatMessage, type Completion } from './client';
import { runToolCall } from './tool-calls';
import type { ToolEnv } from './tool-env';

const MAX_ROUNDS = 5;

export interface AgentDeps {
  /** One completion; throws LlmError when the provider fails. `record` is what staff see of it. */
  complete(messages: ChatMessage[]): Promise<{ completion: Completion; record: Record<string, unknown> }>;
  /** A reason not to make another call (the daily cap), checked before each one. */
  stopReason(): string | undefined;
}

interface Progress { state: ConversationState; records: unknown[]; facts: string[]; sources: string[]; lastEvent?: ToolEvent }
export type AgentResult =
  | Progress & { ok: true; text: string }
  | Progress & { ok: false; reason: string; detail?: Record<string, unknown> };

/**
 * The model's side of a turn: ask, run the tools it calls against the real modules, feed the
 * results back, until it answers in words (or gives up after a few rounds).
 */
export async function runAgent(env: ToolEnv, state: ConversationState, messages: ChatMessage[], deps: AgentDeps): Promise<AgentResult> {
  const progress: Progress = { state, records: [], facts: [], sources: [] };
  const fail = (reason: string, detail?: Record<string, unknown>): AgentResult => ({ ...progress, ok: false, reason, ...(detail ? { detail } : {}) });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stop = deps.stopReason();
    if (stop) return fail(stop);
    let completion: Completion;
    try {
      const answer = await deps.complete(messages);
      completion = answer.completion;
      progress.records.push({ llm: answer.record });
    } catch (err) {
      if (err instanceof LlmError) return fail(`provider_${err.kind}`, { error: err.message });
      throw err;
    }
    if (!completion.toolCalls.length) {
      const text = completion.content?.trim();
      return text ? { ...progress, ok: true, text } : fail('empty_reply');
    }
    messages.push({ role: 'assistant', content: completion.content, tool_calls: completion.toolCalls });
    for (const call of completion.toolCalls) {
      const outcome = await runToolCall(env, progress.state, call);
      const content = JSON.stringify(outcome.result);
      progress.state = outcome.state;
      if (outcome.commands.length) progress.lastEvent = outcome.event;
      progress.facts.push(content);
      progress.sources.push(...outcome.sources);
      progress.records.push({ llm: { tool: call.function.name, arguments: call.function.arguments, result: outcome.result } }, ...outcome.commands);
      messages.push({ role: 'tool', tool_call_id: call.id, content });
    }
  }
  return fail('too_many_rounds');
}
