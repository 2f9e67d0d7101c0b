import { channelContract } from './contract';
import { messagingWebhook, normalisedSend, signedWebhook, startFakeMetaMessaging, textItem } from '../harness/fakes/meta-messaging';

const APP_SECRET = 'fb-contract-app-secret';
const PAGE_ID = '104857600000042';

channelContract({
  type: 'messenger', blueprint: 'speedy-van', handle: '24681357902468135',
  bookingRequest: "Hi, I'd like to book a medium van with 1 crew for Saturday morning please",
  async start() {
    const fake = await startFakeMetaMessaging('fb-contract-token');
    return {
      config: { pageId: PAGE_ID, accessToken: 'fb-contract-token', appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl },
      fake: {
        sent: () => fake.sent.map(normalisedSend),
        failNext: (kind, times) => (kind === 'rate_limit'
          ? fake.failNext(times, 400, 613, 'Calls to this api have exceeded the rate limit.')
          : fake.failNext(times, 400, 551, "This person isn't available right now.")),
        close: fake.close,
      },
    };
  },
  inbound: ({ from, text, id, at }) => signedWebhook(APP_SECRET, messagingWebhook('page', PAGE_ID, [textItem(PAGE_ID, from, text, at, id)], at)),
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-hub-signature-256': signedWebhook('not-the-secret', JSON.parse(call.payload)).headers['x-hub-signature-256']! } }),
});
