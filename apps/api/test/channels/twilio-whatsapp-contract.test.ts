import { channelContract } from './contract';
import { readNumberedMenu, signedTwilioWebhook, startFakeTwilio, twilioInbound } from '../harness/fakes/twilio';

const ACCOUNT_SID = `AC${'7'.repeat(32)}`;
const AUTH_TOKEN = 'contract-whatsapp-auth-token';
const FROM = 'whatsapp:+551130000000';

// Kumon Vila A over WhatsApp through Twilio in pt-BR: handles are whatsapp:+…, options a numbered menu.
channelContract({
  type: 'twilio_whatsapp', blueprint: 'kumon-vila-a', handle: 'whatsapp:+5511987654321',
  bookingRequest: 'Oi, queria marcar uma avaliação na sexta de manhã',
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
    signedTwilioWebhook(webhookUrl, AUTH_TOKEN, twilioInbound({ accountSid: ACCOUNT_SID, from, to: FROM, body: text, sid: id, profileName: 'Ana' })),
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-twilio-signature': 'bm90IHRoZSBzaWduYXR1cmU=' } }),
});
