import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest { method: string; url: string; headers: http.IncomingHttpHeaders; raw: string }
export type FakeReply = (status: number, body: unknown) => void;

/** A local HTTP server for a provider fake: the whole body read, JSON answers. */
export async function startFakeHttp(handle: (req: FakeRequest, reply: FakeReply) => void) {
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, raw }, (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
