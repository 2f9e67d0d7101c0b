import { z } from 'zod';

/** The OpenAI chat-completions wire format, as much of it as the assistant uses. */
export interface ToolCall { id: string; type: 'function'; function: { name: string; arguments: string } }
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };
export interface ToolSpec { type: 'function'; function: { name: string; description: string; parameters: Record<string, unknown> } }

export interface Endpoint { baseUrl: string; model: string; apiKey: string | null; timeoutMs: number }
export interface Completion {
  content: string | null;
  toolCalls: ToolCall[];
  /** Absent when the provider did not say. */
  usage?: { promptTokens: number; completionTokens: number };
}
export type CompleteChat = (endpoint: Endpoint, messages: ChatMessage[], tools: ToolSpec[]) => Promise<Completion>;

export type LlmFailure = 'timeout' | 'http' | 'network' | 'malformed';
/** A provider failure; the message never carries the key or the provider's body. */
export class LlmError extends Error {
  constructor(readonly kind: LlmFailure, message: string, readonly status?: number) {
    super(message);
    this.name = 'LlmError';
  }
}

const Response = z.object({
  choices: z.array(z.object({
    message: z.object({
      content: z.string().nullish(),
      tool_calls: z.array(z.object({
        id: z.string(), type: z.literal('function').optional(),
        function: z.object({ name: z.string(), arguments: z.string() }),
      })).nullish(),
    }),
  })).min(1),
  usage: z.object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) }).nullish(),
});

/** POST {baseUrl}/chat/completions with fetch; every failure becomes an LlmError. */
export function chatCompletions(fetchImpl: typeof fetch = fetch): CompleteChat {
  return async (endpoint, messages, tools) => {
    const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    const body = JSON.stringify({ model: endpoint.model, messages, tools, tool_choice: 'auto', temperature: 0.2 });
    const signal = AbortSignal.timeout(endpoint.timeoutMs);
    let text: string;
    let status: number;
    try {
      const res = await fetchImpl(url, { method: 'POST', headers, body, signal });
      status = res.status;
      text = await res.text();
    } catch (err) {
      if (signal.aborted) throw new LlmError('timeout', `no answer within ${endpoint.timeoutMs} ms`);
      const code = (err as { cause?: { code?: string } }).cause?.code;
      throw new LlmError('network', `could not reach the provider${code ? ` (${code})` : ''}`);
    }
    if (status < 200 || status > 299) throw new LlmError('http', `the provider answered HTTP ${status}`, status);
    return parseCompletion(text);
  };
}

function parseCompletion(text: string): Completion {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LlmError('malformed', 'the provider sent something that is not JSON');
  }
  const parsed = Response.safeParse(json);
  if (!parsed.success) throw new LlmError('malformed', `not a chat completion: ${parsed.error.issues[0]?.path.join('.') || 'body'}`);
  const { message } = parsed.data.choices[0]!;
  const usage = parsed.data.usage;
  return {
    content: message.content ?? null,
    toolCalls: (message.tool_calls ?? []).map((c) => ({ id: c.id, type: 'function', function: c.function })),
    ...(usage ? { usage: { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } } : {}),
  };
}
