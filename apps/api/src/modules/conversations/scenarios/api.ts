import { instantToLocal } from '../../../shared/time/zone';
import { loose, type BookingChange, type ReplyView } from './expect';
import { call, type Transport } from './instance';

interface BookingRow { id: string; serviceId: string; status: string; start: string }
type Page = { items: BookingRow[]; nextCursor: string | null };
const ACTIVE = new Set(['pending', 'confirmed']);

/** What the runner reads and changes through a tenant's API key. */
export async function tenantApi(http: Transport, key: string) {
  const get = <T>(path: string) => call<T>(http, { method: 'GET', path, token: key });
  const post = <T>(path: string, body: unknown) => call<T>(http, { method: 'POST', path, token: key, body });
  const tenant = await get<{ id: string; slug: string; timeZone: string; locale: string }>('/v1/tenant');
  const services = (await get<{ items: { id: string; name: string }[] }>('/v1/services')).items;
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id;

  return {
    tenant,
    /** The service whose name is, or contains, `name` (case- and accent-insensitive). */
    serviceId(name: string): string {
      const exact = services.find((s) => loose(s.name) === loose(name));
      const found = exact ?? services.find((s) => loose(s.name).includes(loose(name)));
      if (!found) throw new Error(`${tenant.slug} has no service "${name}" (it has: ${services.map((s) => s.name).join(', ')})`);
      return found.id;
    },
    /** Every booking ending after `from`, by id. */
    async bookings(from: number): Promise<Map<string, BookingRow>> {
      const all = new Map<string, BookingRow>();
      let cursor: string | null = null;
      do {
        const query: string = `from=${encodeURIComponent(new Date(from).toISOString())}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
        const page: Page = await get<Page>(`/v1/bookings?${query}`);
        for (const b of page.items) all.set(b.id, b);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    createBooking: (body: { serviceId: string; start: string; customer: { name: string; phone?: string; email?: string } }) =>
      post<BookingRow>('/v1/bookings', { ...body, sourceChannel: 'api' }),
    cancelBooking: (id: string) => post<BookingRow>(`/v1/bookings/${id}/cancel`, { reason: 'scenario clean-up', overridePolicy: true }),
    async handedOff(conversationId: string): Promise<boolean | undefined> {
      const { items } = await get<{ items: { id: string; handledBy: string }[] }>('/v1/conversations');
      const found = items.find((c) => c.id === conversationId);
      return found ? found.handledBy === 'human' : undefined;
    },
    /** What changed between two snapshots, in the tenant's local time. */
    changes(before: Map<string, BookingRow>, after: Map<string, BookingRow>): BookingChange[] {
      const describe = (action: BookingChange['action'], b: BookingRow): BookingChange => {
        const local = instantToLocal(Date.parse(b.start), tenant.timeZone);
        return { action, service: serviceName(b.serviceId), date: local.date, time: local.time.slice(0, 5) };
      };
      return [...after.values()].flatMap((b) => {
        const was = before.get(b.id);
        if (!was) return ACTIVE.has(b.status) ? [describe('created', b)] : [];
        if (ACTIVE.has(was.status) && b.status === 'cancelled') return [describe('cancelled', b)];
        return ACTIVE.has(b.status) && was.start !== b.start ? [describe('rescheduled', b)] : [];
      });
    },
  };
}
export type TenantApi = Awaited<ReturnType<typeof tenantApi>>;

/** The public web chat, as the chat page uses it. */
export async function openChat(http: Transport, slug: string) {
  const started = await call<{ conversationId: string; token: string; replies: ReplyView[] }>(
    http, { method: 'POST', path: `/v1/chat/${encodeURIComponent(slug)}/conversations` });
  return {
    id: started.conversationId,
    greeting: started.replies,
    async send(text: string): Promise<ReplyView[]> {
      const path = `/v1/chat/${encodeURIComponent(slug)}/conversations/${started.conversationId}/messages`;
      return (await call<{ replies: ReplyView[] }>(http, { method: 'POST', path, token: started.token, body: { text } })).replies;
    },
  };
}
