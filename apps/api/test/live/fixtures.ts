import { expect } from 'vitest';
import { createTenant, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { openSse, type SseClient } from './sse-client';

export type Tenant = Awaited<ReturnType<typeof createTenant>> & { book(name?: string): Promise<string>; serviceId: string; slots: string[] };

/** A tenant with a bookable service, and a way to book its next free slot through the API. */
export async function bookableTenant(app: TestApp): Promise<Tenant> {
  const tenant = await createTenant(app);
  const { serviceId, headers } = await setupCatalogue(app, tenant.key);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
  const slots = (await app.app.inject({ url: `/v1/availability?serviceId=${serviceId}&from=${day(2)}&to=${day(30)}`, headers })).json()
    .slots.map((s: { start: string }) => s.start) as string[];
  const book = async (name = 'Ana Lima') => {
    const res = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers, payload: { serviceId, start: slots.shift(), customer: { name } } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  return { ...tenant, serviceId, slots, book };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Opens the tenant stream and waits until it is caught up (its `ready`), so what follows is live. */
export async function follow(base: string, headers: Record<string, string>): Promise<SseClient> {
  const stream = await openSse(`${base}/v1/stream`, headers);
  expect(stream.res.status).toBe(200);
  expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  await stream.until(() => stream.events.some((e) => e.event === 'ready'));
  return stream;
}

/** The frames about one booking, hold, conversation or lead. */
export const about = (stream: SseClient, subjectId: string) => stream.changes().filter((c) => c.subjectId === subjectId);
