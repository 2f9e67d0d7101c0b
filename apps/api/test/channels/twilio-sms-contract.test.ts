import { channelContract } from './contract';
import { readNumberedMenu, signedTwilioWebhook, startFakeTwilio, twilioInbound } from '../harness/fakes/twilio';

const ACCOUNT_SID = `AC${'5'.repeat(32)}`;
const AUTH_TOKEN = 'contract-sms-auth-token';
const FROM = '+447700900001';

// Speedy Van answers over SMS (Twilio) in en-GB: the offered times come back as a numbered menu.
channelContract({
  type: 'twilio_sms', blueprint: 'speedy-van', handle: '+447911123456',
  bookingRequest: "Hi, I'd like to book a small van on Friday morning",
  async start() {
    const fake = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
    return {
      config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, apiBaseUrl: fake.apiBaseUrl },
      fake: {
        sent: () => fake.sent.map(({ form }) => ({ to: form.To!, ...readNumberedMenu(form.Body ?? '') })),
        failNext: (kind, times) => (kind === 'rate_limit'
          ? fake.failNext(times, 429, 20429, 'Too Many Requests')
          : fake.failNext(times, 400, 21211, "The 'To' number is not a valid phone number.")),
        close: fake.close,
      },
    };
  },
  inbound: ({ webhookUrl, from, text, id }) =>
    signedTwilioWebhook(webhookUrl, AUTH_TOKEN, twilioInbound({ accountSid: ACCOUNT_SID, from, to: FROM, body: text, sid: id })),
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-twilio-signature': 'bm90IHRoZSBzaWduYXR1cmU=' } }),
});
