import { randomBytes } from 'node:crypto';
import type { TestApp } from '../harness/app';
import type { startFakeMetaMessaging } from '../harness/fakes/meta-messaging';
import { messagingWebhook, signedWebhook, textItem } from '../harness/fakes/meta-messaging';
import type { startFakeWhatsApp } from '../harness/fakes/whatsapp';
import { metaSignature, whatsappText } from '../harness/fakes/whatsapp';

export const ACCESS_TOKEN = 'EAAF-flexoraa-token';
export const APP_SECRET = 'flexoraa-app-secret';
const PHONE_NUMBER_ID = '919800000001';
const PAGE_ID = '104857600000091';
const IG_ACCOUNT_ID = '17841400000000091';

/** One reply as the customer sees it: its text and the choices it offers (id to tap, title shown). */
export interface Seen { text: string; options: { id: string; title: string }[]; list?: boolean }

/** A customer on one channel: writes, taps a choice, and reads what the business sent back. */
export interface Driver {
  channelType: string;
  config: Record<string, unknown>;
  /** Everything sent to this customer so far. */
  seen(): Seen[];
  write(channelId: string, text: string): Promise<number>;
  tap(channelId: string, option: { id: string; title: string }): Promise<number>;
}

type WaFake = Awaited<ReturnType<typeof startFakeWhatsApp>>;
type MetaFake = Awaited<ReturnType<typeof startFakeMetaMessaging>>;

const post = async (app: TestApp, channelId: string, payload: string, headers: Record<string, string>) =>
  (await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload, headers })).statusCode;

/** What the fake WhatsApp Cloud API was asked to send to this customer, as they see it. */
export function whatsappSeen(fake: WaFake, customer: string): Seen[] {
  return fake.sent.filter((s) => s.body.to === customer).map(({ body }) => {
    const b = body as { text?: { body: string }; interactive?: { body: { text: string }; action: {
      buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string }[] }[] } } };
    if (!b.interactive) return { text: b.text?.body ?? '', options: [] };
    const options = b.interactive.action.buttons?.map((x) => x.reply) ?? b.interactive.action.sections!.flatMap((s) => s.rows);
    return { text: b.interactive.body.text, options: options.map(({ id, title }) => ({ id, title })), list: !b.interactive.action.buttons };
  });
}

/** WhatsApp Cloud: interactive buttons or a list, tapped as a button_reply or list_reply. */
export function whatsappDriver(app: TestApp, fake: WaFake, customer: string): Driver {
  const deliver = (channelId: string, body: unknown) => {
    const raw = JSON.stringify(body);
    return post(app, channelId, raw, { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) });
  };
  return {
    channelType: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl },
    seen: () => whatsappSeen(fake, customer),
    write: (channelId, text) => deliver(channelId, whatsappText(PHONE_NUMBER_ID, customer, text, app.clock.now(), undefined, 'Lead')),
    tap(channelId, option) {
      const tap = whatsappText(PHONE_NUMBER_ID, customer, '', app.clock.now());
      const message = tap.entry[0]!.changes[0]!.value.messages[0]! as Record<string, unknown>;
      delete message.text;
      const list = this.seen().findLast((s) => s.options.some((o) => o.id === option.id))?.list;
      Object.assign(message, { type: 'interactive',
        interactive: list ? { type: 'list_reply', list_reply: option } : { type: 'button_reply', button_reply: option } });
      return deliver(channelId, tap);
    },
  };
}

/** Messenger and Instagram: quick replies, tapped as a message carrying the quick reply's payload. */
export function metaDriver(app: TestApp, fake: MetaFake, kind: 'messenger' | 'instagram', customer: string): Driver {
  const ownId = kind === 'messenger' ? PAGE_ID : IG_ACCOUNT_ID;
  const object = kind === 'messenger' ? 'page' : 'instagram';
  const deliver = (channelId: string, item: Record<string, unknown>) => {
    const call = signedWebhook(APP_SECRET, messagingWebhook(object, ownId, [item], app.clock.now()));
    return post(app, channelId, call.payload, call.headers);
  };
  return {
    channelType: kind,
    config: { ...(kind === 'messenger' ? { pageId: PAGE_ID } : { accountId: IG_ACCOUNT_ID }),
      accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl },
    seen: () => fake.sent.filter((s) => s.body.recipient.id === customer).map(({ body }) => ({
      text: body.message.text ?? '', options: (body.message.quick_replies ?? []).map((q) => ({ id: q.payload, title: q.title })),
    })),
    write: (channelId, text) => deliver(channelId, textItem(ownId, customer, text, app.clock.now())),
    tap: (channelId, option) => {
      const mid = `m_${randomBytes(12).toString('base64url')}`;
      return deliver(channelId, { ...textItem(ownId, customer, option.title, app.clock.now(), mid),
        message: { mid, text: option.title, quick_reply: { payload: option.id } } });
    },
  };
}
