/**
 * The public booking API (`/v1/book/…`) as the page uses it: no account, no cookie, no CSRF
 * token. A failure is an ApiError with the problem's `code`, its field errors and its other
 * members (`deadline` of BOOKING_CHANGE_TOO_LATE), or NETWORK when the server was not reached.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BookingPageAvailability, BookingPageBooked, BookingPageBooking, BookingPageBookingCreate, BookingPageProfile,
} from '@frontdesk/contracts';
import { ApiError, type FieldError } from '../api/client';

export type Profile = BookingPageProfile;
export type Availability = BookingPageAvailability;
export type Slot = Availability['slots'][number];
export type Booked = BookingPageBooked;
export type ManagedBooking = BookingPageBooking;
export type Lang = 'pt' | 'es' | 'en';

export class PageError extends ApiError {
  constructor(code: string, status: number, detail: string | undefined, fields: FieldError[], readonly extra: Record<string, unknown>) {
    super(code, status, detail, fields);
  }
}

async function call<T>(path: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? 'GET', headers, credentials: 'omit',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  } catch {
    throw new PageError('NETWORK', 0, undefined, [], {});
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return body as T;
  const { code, detail, errors, ...extra } = (body ?? {}) as Record<string, unknown>;
  throw new PageError(typeof code === 'string' ? code : res.status >= 500 ? 'INTERNAL' : 'UNKNOWN', res.status,
    typeof detail === 'string' ? detail : undefined, Array.isArray(errors) ? (errors as FieldError[]) : [], extra);
}

const slugPath = (slug: string) => `/v1/book/${encodeURIComponent(slug)}`;
const tokenPath = (token: string) => `/v1/book/manage/${encodeURIComponent(token)}`;
const query = (q: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString();
const noRetryOn4xx = (count: number, err: unknown) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500);

/** The business, its services with prices and staff, its consent question in `lang`. */
export function useProfile(slug: string, lang: Lang) {
  return useQuery({
    queryKey: ['book', slug, lang],
    queryFn: () => call<Profile>(`${slugPath(slug)}?${query({ lang })}`),
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous, // a language switch keeps the page while the new words load
    retry: noRetryOn4xx,
  });
}

export interface TimesQuery { serviceId?: string; resourceId: string | null; from: string; to: string; timeZone: string | undefined }

/** Free times on the visitor's days `from`–`to` (a booking's own, through its manage link, when `token` is given). */
export function useFreeTimes(where: { slug: string } | { token: string }, q: TimesQuery | undefined) {
  const base = 'slug' in where ? slugPath(where.slug) : tokenPath(where.token);
  return useQuery({
    queryKey: ['book-times', base, q],
    queryFn: () => call<Availability>(`${base}/availability?${query({ serviceId: q!.serviceId, resourceId: q!.resourceId ?? undefined,
      from: q!.from, to: q!.to, timeZone: q!.timeZone })}`),
    enabled: q !== undefined && ('token' in where || q.serviceId !== undefined),
    staleTime: 30_000,
    retry: noRetryOn4xx,
  });
}

export function useBook(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, attempt }: { body: BookingPageBookingCreate; attempt: string }) =>
      call<Booked>(`${slugPath(slug)}/bookings`, { method: 'POST', body, headers: { 'idempotency-key': attempt } }),
    // The time is gone now (or was taken meanwhile): read the free times again either way.
    onSettled: () => client.invalidateQueries({ queryKey: ['book-times'] }),
  });
}

export function useManagedBooking(token: string, timeZone: string | undefined) {
  return useQuery({
    queryKey: ['book-manage', token, timeZone],
    queryFn: () => call<ManagedBooking>(`${tokenPath(token)}?${query({ timeZone })}`),
    retry: noRetryOn4xx,
  });
}

/** Cancel or move through the manage link; the answer is the booking as it now stands. */
export function useChange(token: string, timeZone: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { cancel: true } | { start: string; resourceId: string | null }) => 'cancel' in change
      ? call<ManagedBooking>(`${tokenPath(token)}/cancel?${query({ timeZone })}`, { method: 'POST', body: {} })
      : call<ManagedBooking>(`${tokenPath(token)}/reschedule`, { method: 'POST',
        body: { start: change.start, ...(timeZone ? { timeZone } : {}), ...(change.resourceId ? { resourceId: change.resourceId } : {}) } }),
    onSuccess: (booking) => client.setQueryData(['book-manage', token, timeZone], booking),
    onSettled: () => client.invalidateQueries({ queryKey: ['book-times'] }),
  });
}

export const icsPath = (token: string) => `${tokenPath(token)}/ics`;
export const managePath = (token: string) => `/book/manage/${encodeURIComponent(token)}`;
