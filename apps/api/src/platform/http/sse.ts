import type { FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;
const open = new WeakMap<object, Set<() => void>>();

/** Ends every open stream of this server (a hijacked response would otherwise keep close() waiting). */
export function closeEventStreams(server: object): void {
  for (const end of open.get(server) ?? []) end();
}

export interface EventStream {
  /** `id` becomes the client's Last-Event-ID (a number, or an opaque cursor without line breaks). */
  send(event: string, id: number | string | undefined, data: unknown): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
}

/** Turns the response into a Server-Sent Events stream (text/event-stream) with a heartbeat. */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  let closed = false;
  const closers: (() => void)[] = [];
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const fn of closers) fn();
  };
  const streams = open.get(request.server) ?? new Set();
  open.set(request.server, streams);
  const end = () => res.end();
  streams.add(end);
  closers.push(() => streams.delete(end));
  request.raw.on('close', close);
  res.on('close', close);
  return {
    send(event, id, data) {
      if (closed) return;
      res.write(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    },
    get closed() { return closed; },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
  };
}
