import type { ProviderHarness } from './contract';
import { messagingWebhook, normalisedSend, signedWebhook, startFakeMetaMessaging, textItem } from '../harness/fakes/meta-messaging';
import { readNumberedMenu, signedTwilioWebhook, startFakeTwilio, twilioInbound } from '../harness/fakes/twilio';

type Story = Pick<ProviderHarness, 'blueprint' | 'handle' | 'bookingRequest'>;

/** Instagram or Messenger against the fake Send API, webhooks signed with the app secret. */
export function metaHarness(type: 'instagram' | 'messenger', accountId: string, story: Story): ProviderHarness {
  const appSecret = `${type}-contract-app-secret`;
  const token = `${type}-contract-token`;
  return {
    type, ...story,
    async start() {
      const fake = await startFakeMetaMessaging(token);
      const account = type === 'instagram' ? { accountId } : { pageId: accountId };
      return {
        config: { ...account, accessToken: token, appSecret, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl },
        fake: {
          sent: () => fake.sent.map(normalisedSend),
          failNext: (kind, times) => (kind === 'rate_limit'
            ? fake.failNext(times, 400, 613, 'Calls to this api have exceeded the rate limit.')
            : fake.failNext(times, 400, 551, "This person isn't available right now.")),
          close: fake.close,
        },
      };
    },
    inbound: ({ from, text, id, at }) =>
      signedWebhook(appSecret, messagingWebhook(type === 'instagram' ? 'instagram' : 'page', accountId, [textItem(accountId, from, text, at, id)], at)),
    forged: (call) => ({ ...call, headers: { ...call.headers, 'x-hub-signature-256': signedWebhook('not-the-secret', JSON.parse(call.payload)).headers['x-hub-signature-256']! } }),
  };
}

/** Twilio SMS or WhatsApp against the fake Messages API; the numbered menu read back as options. */
export function twilioHarness(type: 'twilio_sms' | 'twilio_whatsapp', accountSid: string, from: string, story: Story, profileName?: string): ProviderHarness {
  const authToken = `${type}-contract-auth-token`;
  return {
    type, ...story,
    async start() {
      const fake = await startFakeTwilio(accountSid, authToken);
      return {
        config: { accountSid, authToken, from, apiBaseUrl: fake.apiBaseUrl },
        fake: {
          sent: () => fake.sent.map(({ form }) => ({ to: form.To!, ...readNumberedMenu(form.Body ?? '') })),
          failNext: (kind, times) => (kind === 'rate_limit'
            ? fake.failNext(times, 429, 20429, 'Too Many Requests')
            : fake.failNext(times, 400, 21211, "The 'To' number is not a valid phone number.")),
          close: fake.close,
        },
      };
    },
    inbound: ({ webhookUrl, from: sender, text, id }) => signedTwilioWebhook(webhookUrl, authToken,
      twilioInbound({ accountSid, from: sender, to: from, body: text, sid: id, ...(profileName ? { profileName } : {}) })),
    forged: (call) => ({ ...call, headers: { ...call.headers, 'x-twilio-signature': 'bm90IHRoZSBzaWduYXR1cmU=' } }),
  };
}
