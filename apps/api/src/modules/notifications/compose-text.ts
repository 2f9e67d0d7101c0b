import type { Queryable } from '../../platform/db/database';
import { formatDay, formatTime } from '../../shared/time/format';
import type { AwaitedReply, ReplyOption } from '../conversations';
import type { NoticeKind } from './domain/plan';
import { defaultText, langOf, positional, render, replyLabels, type Lang, type NoticeVariables } from './domain/texts';
import type { NotificationPorts } from './ports';

const LOCALES: Record<Lang, string> = { pt: 'pt-BR', es: 'es-AR', en: 'en-GB' };

export interface ComposedNotice {
  text: string;
  options?: ReplyOption[];
  awaiting?: AwaitedReply;
  template?: { name: string; language: string; variables: string[] };
}

/**
 * A notice's words in the customer's language, with the business's own text for that kind and
 * language when it has one (sent as the approved template where a channel's window has closed).
 */
export async function composeNotice(ports: NotificationPorts, tx: Queryable, tenantId: string, kind: NoticeKind, lang: Lang,
  vars: NoticeVariables, extras: { bookingId?: string; serviceId?: string; slotLabel?: string; ratingRef?: string; templateName?: string }): Promise<ComposedNotice> {
  const own = extras.templateName
    ? (await ports.channels.templatesOfKind(tx, tenantId, kind)).find((t) => t.name === extras.templateName && langOf(t.language) === lang)
    : (await ports.channels.templatesOfKind(tx, tenantId, kind)).find((t) => langOf(t.language) === lang);
  // A follow-up says its own words in the conversation; its template only stands in where the window has closed.
  const text = render(kind === 'follow_up' && vars.message ? '{{message}}' : own?.body ?? defaultText(kind, lang), vars);
  const template = own?.status === 'approved' ? { name: own.name, language: own.language, variables: positional(vars) } : undefined;
  const composed: ComposedNotice = { text, ...(template ? { template } : {}) };
  if (kind === 'booking_reminder' && extras.bookingId && extras.serviceId) {
    const labels = replyLabels[lang];
    const options = [{ id: 'booking-confirm', label: labels.confirm }, { id: 'booking-reschedule', label: labels.reschedule },
      { id: 'booking-cancel', label: labels.cancel }];
    return { ...composed, options, awaiting: { kind: 'booking_reply', bookingId: extras.bookingId, serviceId: extras.serviceId, label: extras.slotLabel ?? '', options } };
  }
  if ((kind === 'booking_thank_you' || kind === 'ticket_satisfaction') && extras.ratingRef) {
    const options = [1, 2, 3, 4, 5].map((n) => ({ id: `rating-${n}`, label: String(n) }));
    return { ...composed, awaiting: { kind: 'rating', ref: extras.ratingRef, options } };
  }
  return composed;
}

/** The booking's variables: the customer's name, the service, the day and time in the business's zone and the customer's language. */
export async function bookingVariables(ports: NotificationPorts, tenant: { id: string; name: string; timeZone: string; locale: string }, lang: Lang,
  booking: { serviceId: string; start: string; customer: { name: string } }): Promise<NoticeVariables & { slot: string }> {
  const [service, locations] = await Promise.all([
    ports.scheduling.catalogue.service(tenant.id, booking.serviceId), ports.tenants.listLocations(tenant.id),
  ]);
  const locale = tenant.locale.startsWith(lang) ? tenant.locale : LOCALES[lang];
  const place = locations[0] ? ` — ${locations[0].name}${locations[0].address ? `, ${locations[0].address}` : ''}` : '';
  const day = formatDay(booking.start, tenant.timeZone, locale);
  const time = formatTime(booking.start, tenant.timeZone, locale);
  return { name: booking.customer.name, service: service.name, day, time, place, business: tenant.name, slot: `${day}, ${time}` };
}
