import type { LightMyRequestResponse } from 'fastify';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';

export interface Slot {
  start: string; end: string; resourceIds: string[];
  visitorTime: { date: string; time: string; utcOffset: string; timeZone: string };
  businessTime: { date: string; time: string; utcOffset: string; timeZone: string };
}

/** A visitor of the public booking page: plain HTTP, no credentials. */
export function visitor(app: TestApp) {
  const send = (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const query = (q: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return {
    profile: (slug: string, lang?: string) => send('GET', `/v1/book/${slug}${lang ? `?lang=${lang}` : ''}`),
    times: (slug: string, q: Record<string, string | undefined>) => send('GET', `/v1/book/${slug}/availability?${query(q)}`),
    async slots(slug: string, q: Record<string, string | undefined>): Promise<Slot[]> {
      const res = await send('GET', `/v1/book/${slug}/availability?${query(q)}`);
      if (res.statusCode !== 200) throw new Error(res.body);
      return res.json().slots;
    },
    book: (slug: string, body: unknown, idempotencyKey?: string) =>
      send('POST', `/v1/book/${slug}/bookings`, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    view: (token: string, timeZone?: string) => send('GET', `/v1/book/manage/${token}${timeZone ? `?timeZone=${encodeURIComponent(timeZone)}` : ''}`),
    manageTimes: (token: string, q: Record<string, string | undefined>) => send('GET', `/v1/book/manage/${token}/availability?${query(q)}`),
    cancel: (token: string, body: unknown = {}) => send('POST', `/v1/book/manage/${token}/cancel`, body),
    reschedule: (token: string, body: unknown) => send('POST', `/v1/book/manage/${token}/reschedule`, body),
    ics: (token: string) => send('GET', `/v1/book/manage/${token}/ics`),
  };
}

/** The booking's manage token from a 201 answer (and the answer's shape checked on the way). */
export function tokenOf(res: LightMyRequestResponse): string {
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { manageToken: string; manageUrl: string };
  if (!body.manageUrl.endsWith(`/book/manage/${body.manageToken}`)) throw new Error(`manage link without its token: ${body.manageUrl}`);
  return body.manageToken;
}

/** An app whose booking page takes many changes from one address (the per-address limit has its own suite, limits.test.ts), its clock at `now`. */
export async function bookingPageApp(now: number) {
  const app = await startTestApp({ config: { bookingPageLimits: { changesPerMinute: 1000 } } });
  app.clock.set(now);
  return { app, page: visitor(app) };
}

/** Thames Barbers in London: Alice and Bob, and a one-hour haircut at £25. */
export async function thamesBarbers(app: TestApp, haircut: { description?: string } = {}) {
  const tenant = await createTenant(app, { timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP', name: 'Thames Barbers' });
  const cat = await setupCatalogue(app, tenant.key, { timeZone: 'Europe/London', resources: [{ name: 'Alice' }, { name: 'Bob' }],
    service: { name: 'Haircut', ...haircut, durationMinutes: 60, price: { amount: 2500, currency: 'GBP' } } });
  const [alice, bob] = cat.resourceIds as [string, string];
  return { slug: tenant.slug, staff: cat.headers, haircut: cat.serviceId, alice, bob };
}
