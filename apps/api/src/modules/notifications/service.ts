import { NotificationSettings } from '@frontdesk/contracts';
import type { Database, Queryable } from '../../platform/db/database';
import type { DomainEvent } from '../../platform/events/bus';
import { AppError } from '../../shared/errors';
import { CONFIRMATION_GRACE_MS, noticeForEvent, plannedForBooking, stillRelevant, type BookingFacts, type NoticeKind } from './domain/plan';
import { langOf, type Lang, type NoticeVariables } from './domain/texts';
import { bookingVariables, composeNotice } from './compose-text';
import { notificationsRepository, type NoticeRow } from './repository';
import type { NotificationPorts } from './ports';

const MAX_ATTEMPTS = 8;
const saidInConversation = (kind: NoticeKind) => kind === 'booking_confirmation' || kind === 'booking_rescheduled' || kind === 'booking_cancelled';
const BATCH = 100;
const LANES = 4;

/** What another module asks to send (a rating question after a ticket, a follow-up), once per business key. */
export interface NotifyRequest {
  tenantId: string; contactId: string; conversationId?: string; kind: NoticeKind; variables: NoticeVariables;
  expect?: { kind: 'rating'; ref: string }; dedupeKey: string;
  /** A follow-up's own words per language (the customer's language is chosen at send time). */
  texts?: Partial<Record<Lang, string>>;
  /** The approved template to send instead where a channel's 24-hour window has closed. */
  templateName?: string;
  /** Not before this time (epoch ms; now when unset). */
  dueAt?: number;
}

export function notificationService(db: Database, ports: NotificationPorts) {
  const settingsOf = async (tenantId: string, q: Queryable = db) =>
    NotificationSettings.parse((await notificationsRepository(q).settings(tenantId)) ?? {});
  const bookingOf = (tenantId: string, id: string) =>
    ports.scheduling.bookings.get(tenantId, id).catch((err) => (err instanceof AppError && err.status === 404 ? undefined : Promise.reject(err)));

  /** One scheduled notice, at most once: locked, sent into the customer's conversation and marked in one transaction. */
  async function sendOne(tenantId: string, id: string): Promise<void> {
    await db.transaction(async (tx) => {
      const repo = notificationsRepository(tx);
      const notice = await repo.claim(tenantId, id);
      if (!notice) return; // sent, skipped or being sent by another worker
      const outcome = notice.bookingId ? await sendAboutBooking(tx, notice) : await sendOther(tx, notice);
      await repo.finish(tenantId, id, outcome);
      if (outcome.status === 'sent') {
        const data = { kind: notice.kind, bookingId: notice.bookingId, ref: notice.ref, messageId: outcome.messageId, channel: outcome.channelType };
        const at = new Date(ports.clock.now());
        await ports.events.publish(tx, { tenantId, type: 'notification.sent', subjectId: notice.bookingId ?? outcome.conversationId, data, at });
        if (notice.kind === 'booking_reminder') await ports.events.publish(tx, { tenantId, type: 'booking.reminder_sent', subjectId: notice.bookingId, data, at });
      }
    });
  }

  async function sendAboutBooking(tx: Queryable, notice: NoticeRow) {
    const { tenantId } = notice;
    const [booking, tenant, settings] = await Promise.all([bookingOf(tenantId, notice.bookingId!), ports.tenants.tenant(tenantId), settingsOf(tenantId, tx)]);
    if (!booking) return { status: 'skipped' as const, reason: 'the booking is gone' };
    const facts: BookingFacts = booking;
    if (!stillRelevant(notice.kind, facts, notice.dueAt.getTime(), settings, tenant.timeZone, ports.clock.now())) {
      return { status: 'skipped' as const, reason: `no longer applies (booking ${booking.status})` };
    }
    const link = await notificationsRepository(tx).linkOf(tenantId, booking.id);
    // The turn that made this change may be handled after the change's own event: check again now.
    if (link?.saidAt && saidInConversation(notice.kind) && link.saidAt.getTime() >= notice.dueAt.getTime() - CONFIRMATION_GRACE_MS - 60_000) {
      return { status: 'skipped' as const, reason: 'said in the conversation' };
    }
    const { phone, email, name } = booking.customer;
    const contact = link?.contactId ? await ports.contacts.find(tx, tenantId, link.contactId)
      : phone || email ? await ports.contacts.findOrCreate(tx, tenantId, { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) }) : undefined;
    if (!contact) return { status: 'skipped' as const, reason: 'no way to reach the customer (no phone, e-mail or conversation)' };
    const lang = await languageOf(tx, tenantId, contact.lang, link?.conversationId, tenant.locale);
    const vars = await bookingVariables(ports, tenant, lang, booking);
    return deliver(tx, notice, contact, link?.conversationId ?? null, await composeNotice(ports, tx, tenantId, notice.kind, lang, vars,
      { bookingId: booking.id, serviceId: booking.serviceId, slotLabel: vars.slot, ratingRef: `booking:${booking.id}` }));
  }

  async function sendOther(tx: Queryable, notice: NoticeRow) {
    const contact = notice.contactId ? await ports.contacts.find(tx, notice.tenantId, notice.contactId) : undefined;
    if (!contact) return { status: 'skipped' as const, reason: 'the contact is gone' };
    const tenant = await ports.tenants.tenant(notice.tenantId);
    const lang = await languageOf(tx, notice.tenantId, contact.lang, notice.conversationId, tenant.locale);
    const { texts, templateName, ...given } = notice.variables as Record<string, unknown>;
    const own = texts as Partial<Record<Lang, string>> | undefined;
    const message = own && (own[lang] ?? own.en ?? Object.values(own)[0]);
    const vars = { business: tenant.name, name: contact.name ?? '', ...(given as NoticeVariables), ...(message ? { message } : {}) };
    return deliver(tx, notice, contact, notice.conversationId, await composeNotice(ports, tx, notice.tenantId, notice.kind, lang, vars,
      { ...(notice.ref ? { ratingRef: notice.ref } : {}), ...(typeof templateName === 'string' ? { templateName } : {}) }));
  }

  async function deliver(tx: Queryable, notice: NoticeRow, contact: { id: string; phone: string | null; email: string | null; optedOut: unknown },
    conversationId: string | null, composed: Awaited<ReturnType<typeof composeNotice>>) {
    if (contact.optedOut) return { status: 'skipped' as const, reason: 'the customer opted out of messages', contactId: contact.id };
    if (notice.kind === 'follow_up' && !(await consented(tx, notice.tenantId, contact.id))) {
      return { status: 'skipped' as const, reason: 'the customer has not given the consent this business requires (LGPD/GDPR)', contactId: contact.id };
    }
    const result = await ports.channels.send(tx, { tenantId: notice.tenantId, contact, conversationId, ...composed });
    if (result.status === 'skipped') return { status: 'skipped' as const, reason: result.reason, contactId: contact.id };
    return { status: 'sent' as const, contactId: contact.id, conversationId: result.conversationId, messageId: result.messageId,
      channelType: result.channelType, viaTemplate: result.viaTemplate };
  }

  /** Follow-ups are not answers to the customer: where the business asks consent first, only a granted one lets them go. */
  async function consented(tx: Queryable, tenantId: string, contactId: string): Promise<boolean> {
    const settings = await ports.contacts.consentSettings(tenantId);
    return !settings.required || (await ports.contacts.consentStatus(tx, tenantId, contactId, settings.purposes)) === 'granted';
  }

  async function languageOf(tx: Queryable, tenantId: string, contactLang: string | null, conversationId: string | null | undefined, locale: string): Promise<Lang> {
    const inConversation = conversationId ? await ports.conversationLang(tx, tenantId, conversationId) : undefined;
    return langOf(inConversation) ?? langOf(contactLang) ?? langOf(locale) ?? 'en';
  }

  return {
    /** A booking changed: its reminders follow it (moved, dropped, revived) and its notice is scheduled once. */
    async onBookingEvent(event: DomainEvent): Promise<void> {
      if (!event.subjectId) return;
      const booking = await bookingOf(event.tenantId, event.subjectId);
      if (!booking) return;
      const [settings, tenant] = await Promise.all([settingsOf(event.tenantId), ports.tenants.tenant(event.tenantId)]);
      const now = ports.clock.now();
      await db.transaction(async (tx) => {
        const repo = notificationsRepository(tx);
        await repo.reconcileBooking(event.tenantId, booking.id, plannedForBooking(booking, settings, tenant.timeZone, now), event.type);
        const immediate = noticeForEvent(event, booking, settings, now);
        if (immediate) await repo.schedule(event.tenantId, [{ ...immediate, bookingId: booking.id }]);
      });
    },
    /** The assistant's bookings belong to its conversation: reminders go there, and it already confirmed them. */
    async onTurn(event: DomainEvent): Promise<void> {
      const { bookingIds = [], changedBookingIds = [], conversationId, contactId } = event.data as {
        bookingIds?: string[]; changedBookingIds?: string[]; conversationId: string; contactId: string | null };
      if (!bookingIds.length && !changedBookingIds.length) return;
      await db.transaction(async (tx) => {
        const repo = notificationsRepository(tx);
        const saidAt = new Date(event.occurredAt);
        for (const bookingId of new Set([...bookingIds, ...changedBookingIds])) {
          await repo.link(event.tenantId, bookingId, conversationId, contactId, changedBookingIds.includes(bookingId) ? saidAt : null);
        }
        for (const bookingId of changedBookingIds) await repo.skipSaidInConversation(event.tenantId, bookingId);
      });
    },
    /** Sends everything due by now; returns how many were looked at. */
    async sendDue(): Promise<number> {
      const due = await notificationsRepository(db).due(new Date(ports.clock.now()), BATCH);
      // A few at a time: each is its own transaction, and rows another worker holds are skipped.
      let next = 0;
      const lane = async () => {
        for (let i = next++; i < due.length; i = next++) {
          const { tenantId, id } = due[i]!;
          await sendOne(tenantId, id).catch((err: unknown) =>
            notificationsRepository(db).postpone(tenantId, id, err instanceof Error ? err.message : String(err), MAX_ATTEMPTS));
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      return due.length;
    },
    /** Schedules a message for now under the caller's business key; the same key is sent once. */
    async notify(tx: Queryable, request: NotifyRequest): Promise<{ status: 'queued' | 'skipped'; reason?: string }> {
      const repo = notificationsRepository(tx);
      const existing = await repo.byKey(request.tenantId, request.dedupeKey);
      if (existing) return { status: existing.status === 'skipped' || existing.status === 'failed' ? 'skipped' : 'queued', ...(existing.reason ? { reason: existing.reason } : {}) };
      await repo.schedule(request.tenantId, [{
        kind: request.kind, key: request.dedupeKey, dueAt: request.dueAt ?? ports.clock.now(), contactId: request.contactId,
        ...(request.conversationId ? { conversationId: request.conversationId } : {}),
        ...(request.expect ? { ref: request.expect.ref } : {}),
        variables: { ...request.variables, ...(request.texts ? { texts: request.texts } : {}), ...(request.templateName ? { templateName: request.templateName } : {}) } as Record<string, string>,
      }]);
      return { status: 'queued' };
    },
    /** The notices sent under these business keys (a caller's own, e.g. a follow-up sequence's steps): status, reason, channel. */
    async byKeys(tenantId: string, keys: string[]) {
      const repo = notificationsRepository(db);
      const found = await Promise.all(keys.map((key) => repo.byKey(tenantId, key)));
      return new Map(found.flatMap((n) => (n ? [[n.key, { status: n.status, reason: n.reason, channel: n.channelType, viaTemplate: n.viaTemplate }] as const] : [])));
    },
    settings: (tenantId: string) => settingsOf(tenantId),
    async saveSettings(tenantId: string, settings: NotificationSettings): Promise<NotificationSettings> {
      await notificationsRepository(db).saveSettings(tenantId, settings);
      return settings;
    },
    /** Every message of a booking: scheduled, sent (with the provider's latest report), skipped or cancelled, and why. */
    async bookingMessages(tenantId: string, bookingId: string) {
      await ports.scheduling.bookings.get(tenantId, bookingId); // 404 for another tenant's booking
      const notices = await notificationsRepository(db).ofBooking(tenantId, bookingId);
      const deliveries = await ports.channels.deliveries(tenantId, notices.flatMap((n) => (n.messageId ? [n.messageId] : [])));
      const texts = await ports.messageTexts(tenantId, notices.flatMap((n) => (n.messageId ? [n.messageId] : [])));
      return notices.map((n) => ({
        id: n.id, kind: n.kind, status: n.status, dueAt: n.dueAt.toISOString(), reason: n.reason, channel: n.channelType, viaTemplate: n.viaTemplate,
        conversationId: n.conversationId, messageId: n.messageId, text: (n.messageId && texts.get(n.messageId)) || null,
        delivery: (n.messageId && deliveries.get(n.messageId)) || null,
        createdAt: n.createdAt.toISOString(), updatedAt: n.updatedAt.toISOString(),
      }));
    },
  };
}
export type NotificationService = ReturnType<typeof notificationService>;
