import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';

let app: TestApp;
let key: string;
let base: string;
beforeAll(async () => {
  app = await startTestApp();
  key = (await seedTenant(app, 'speedy-van')).key;
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  app.clock.set(Date.parse('2026-11-24T10:00:00Z'));
});

interface StreamMessage { seq: number; author: string; text: string }

/** A real SSE client over HTTP: collects "message" events and lets the test wait for one. */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: { id?: string; data: StreamMessage }[] = [];
  const waiters: (() => void)[] = [];
  if (res.ok) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body!) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
            if (fields.event === 'message') events.push({ id: fields.id, data: JSON.parse(fields.data!) });
            waiters.splice(0).forEach((w) => w());
          }
        }
      } catch { /* aborted */ }
    })();
  }
  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { res, events, until, close: () => controller.abort() };
}

async function startChat() {
  const res = await app.app.inject({ method: 'POST', url: '/v1/chat/speedy-van/conversations' });
  const { conversationId, token } = res.json() as { conversationId: string; token: string };
  const send = (text: string) => app.app.inject({
    method: 'POST', url: `/v1/chat/speedy-van/conversations/${conversationId}/messages`,
    headers: { authorization: `Bearer ${token}` }, payload: { text },
  });
  return { conversationId, token, send };
}

describe('live stream of a conversation (Server-Sent Events)', () => {
  it('gives the customer what is there, then each new message once as it is stored', async () => {
    const chat = await startChat();
    const stream = await openStream(`${base}/v1/chat/speedy-van/conversations/${chat.conversationId}/stream?token=${chat.token}`);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.until(() => stream.events.length >= 1);
    expect(stream.events[0]!.data.author).toBe('assistant'); // the greeting

    await chat.send('how much is a man and van?');
    await stream.until(() => stream.events.some((e) => e.data.author === 'assistant' && e.data.seq > 2));
    const staff = await app.app.inject({
      method: 'POST', url: `/v1/conversations/${chat.conversationId}/messages`, headers: app.auth(key), payload: { text: 'Hi, Dave here — happy to help!' },
    });
    expect(staff.statusCode).toBe(201);
    await stream.until(() => stream.events.some((e) => e.data.author === 'staff'));
    const seqs = stream.events.map((e) => e.data.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(stream.events.map((e) => Number(e.id))).toEqual(seqs);
    expect(stream.events.map((e) => e.data.author)).toEqual(['assistant', 'customer', 'assistant', 'staff']);
    stream.close();
  });

  it('a reconnecting client resumes after Last-Event-ID', async () => {
    const chat = await startChat();
    await chat.send('where are you based?');
    const all = await app.db.query<{ seq: number }>(`SELECT seq FROM messages WHERE conversation_id=$1 ORDER BY seq`, [chat.conversationId]);
    const stream = await openStream(`${base}/v1/chat/speedy-van/conversations/${chat.conversationId}/stream`,
      { authorization: `Bearer ${chat.token}`, 'last-event-id': String(all[1]!.seq) });
    await stream.until(() => stream.events.length >= all.length - 2);
    expect(stream.events.map((e) => e.data.seq)).toEqual(all.slice(2).map((r) => Number(r.seq)));
    stream.close();
  });

  it('staff follow a conversation with their API key; strangers are refused before any stream opens', async () => {
    const chat = await startChat();
    const staff = await openStream(`${base}/v1/conversations/${chat.conversationId}/stream`, { authorization: `Bearer ${key}` });
    await chat.send('hello');
    await staff.until(() => staff.events.some((e) => e.data.author === 'customer'));
    staff.close();

    const wrongToken = await openStream(`${base}/v1/chat/speedy-van/conversations/${chat.conversationId}/stream?token=nope`);
    expect(wrongToken.res.status).toBe(401);
    const noKey = await openStream(`${base}/v1/conversations/${chat.conversationId}/stream`);
    expect(noKey.res.status).toBe(401);
    const other = await seedTenant(app, 'flexoraa');
    const otherTenant = await openStream(`${base}/v1/conversations/${chat.conversationId}/stream`, { authorization: `Bearer ${other.key}` });
    expect(otherTenant.res.status).toBe(404);
  });

  it('the server closes with streams still open', async () => {
    const other = await startTestApp();
    await seedTenant(other, 'speedy-van');
    const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await other.app.inject({ method: 'POST', url: '/v1/chat/speedy-van/conversations' });
    const { conversationId, token } = res.json();
    const stream = await openStream(`${url}/v1/chat/speedy-van/conversations/${conversationId}/stream?token=${token}`);
    await stream.until(() => stream.events.length >= 1);
    await other.close();
    expect(stream.events).toHaveLength(1);
  });
});
