import { channelContract } from './contract';
import { messagingWebhook, normalisedSend, signedWebhook, startFakeMetaMessaging, textItem } from '../harness/fakes/meta-messaging';

const APP_SECRET = 'ig-contract-app-secret';
const ACCOUNT_ID = '17841400000000042';

channelContract({
  type: 'instagram', blueprint: 'barberpro-palermo', handle: '6543210987654321',
  bookingRequest: 'Hola, quiero un corte el viernes a la tarde',
  async start() {
    const fake = await startFakeMetaMessaging('ig-contract-token');
    return {
      config: { accountId: ACCOUNT_ID, accessToken: 'ig-contract-token', appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl },
      fake: {
        sent: () => fake.sent.map(normalisedSend),
        failNext: (kind, times) => (kind === 'rate_limit'
          ? fake.failNext(times, 400, 613, 'Calls to this api have exceeded the rate limit.')
          : fake.failNext(times, 400, 551, "This person isn't available right now.")),
        close: fake.close,
      },
    };
  },
  inbound: ({ from, text, id, at }) => signedWebhook(APP_SECRET, messagingWebhook('instagram', ACCOUNT_ID, [textItem(ACCOUNT_ID, from, text, at, id)], at)),
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-hub-signature-256': signedWebhook('not-the-secret', JSON.parse(call.payload)).headers['x-hub-signature-256']! } }),
});
