import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { path: string; headers: http.IncomingHttpHeaders; raw: string; at: number }
export interface Answer { status: number; body?: string; delayMs?: number }

/**
 * A webhook receiver on 127.0.0.1: records every request (raw body, for the signature) and answers
 * each path from its script, one answer per request, then 200.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, raw, at: Date.now() });
      const answer = scripts.get(path)?.shift() ?? { status: 200, body: 'ok' };
      const timer = setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'text/plain' });
        res.end(answer.body ?? '');
      }, answer.delayMs ?? 0);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    to: (path: string) => received.filter((r) => r.path === path),
    script: (path: string, ...answers: Answer[]) => void scripts.set(path, answers),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export { until } from '../harness/wait';
