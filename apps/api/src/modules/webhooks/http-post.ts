import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { RESPONSE_BODY_LIMIT } from './domain/delivery';

export interface PostOutcome {
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

/** Connects to `address` whatever the name resolves to now (the address that was checked). */
const pinnedLookup = (address: string): LookupFunction => (_host, options, callback) => {
  const family = address.includes(':') ? 6 : 4;
  if (options.all) (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
  else callback(null, address, family);
};

/**
 * POSTs a body and reads the answer's status and first 2 KB. Redirects are not followed; the whole
 * exchange (connect, send, answer) must end within `timeoutMs`.
 */
export function postWebhook(url: URL, address: string | null, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Omit<PostOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, {
      method: 'POST', agent: false,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      ...(address ? { lookup: pinnedLookup(address) } : {}),
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => done({ status: res.statusCode ?? null, body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'), error: null });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_BODY_LIMIT) finish(); // the rest is not ours to wait for
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    const timer = setTimeout(() => done({ status: null, body: null, error: `timed out after ${timeoutMs} ms` }), timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => done({ status: null, body: null, error: err.code ? `${err.code}: ${err.message}` : err.message }));
    req.end(body);
  });
}
