import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on a free loopback port that speaks the OpenAI chat-completions wire
 * format, scripted per test: replies with text or tool calls and usage, delays, HTTP errors,
 * malformed bodies. It records every request it received.
 */
export interface FakeRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model: string;
    messages: { role: string; content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string; description: string; parameters: Record<string, unknown> } }[];
    tool_choice?: unknown;
  };
}

export interface ScriptedCall { name: string; arguments: Record<string, unknown> | string }
export type FakeResponse =
  | { content?: string | null; toolCalls?: ScriptedCall[]; usage?: { prompt: number; completion: number } | null; delayMs?: number }
  | { status: number; body?: string; delayMs?: number }
  | { raw: string; delayMs?: number };
export type Script = FakeResponse | ((request: FakeRequest) => FakeResponse);

/** A text answer (the model is done). */
export const says = (content: string, usage = { prompt: 100, completion: 20 }): FakeResponse => ({ content, usage });
/** The model calls tools. */
export const calls = (...toolCalls: ScriptedCall[]): FakeResponse => ({ content: null, toolCalls, usage: { prompt: 100, completion: 20 } });

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:41234/v1 — what a tenant puts in its settings. */
  baseUrl: string;
  requests: FakeRequest[];
  /** Answers the next requests in order. */
  enqueue(...scripts: Script[]): void;
  /** Answers every request that finds the queue empty (default: 500, so a surprise call is visible). */
  otherwise(script: Script): void;
  close(): Promise<void>;
}

let callIds = 0;

function completion(body: FakeRequest['body'], r: Extract<FakeResponse, { content?: unknown }>) {
  const toolCalls = (r.toolCalls ?? []).map((c) => ({
    id: `call_${++callIds}`, type: 'function',
    function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) },
  }));
  const usage = r.usage === null ? undefined : r.usage ?? { prompt: 100, completion: 20 };
  return {
    id: `chatcmpl-${callIds}`, object: 'chat.completion', created: 1_700_000_000, model: body.model,
    choices: [{
      index: 0,
      message: { role: 'assistant', content: r.content ?? null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
      finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
    }],
    ...(usage ? { usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion } } : {}),
  };
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: Script[] = [];
  const requests: FakeRequest[] = [];
  let fallback: Script = { status: 500, body: '{"error":{"message":"fake: nothing scripted"}}' };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const request: FakeRequest = { method: req.method, path: req.url, headers: req.headers, body: JSON.parse(raw) };
      requests.push(request);
      const script = queue.shift() ?? fallback;
      const response = typeof script === 'function' ? script(request) : script;
      const send = () => {
        if (res.destroyed) return;
        if ('raw' in response) res.writeHead(200, { 'content-type': 'application/json' }).end(response.raw);
        else if ('status' in response) res.writeHead(response.status, { 'content-type': 'application/json' }).end(response.body ?? '{}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(request.body, response)));
      };
      if (!response.delayMs) return send();
      const timer = setTimeout(send, response.delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...scripts) => void queue.push(...scripts),
    otherwise: (script) => void (fallback = script),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
