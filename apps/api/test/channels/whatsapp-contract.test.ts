import { channelContract } from './contract';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';

const APP_SECRET = 'contract-app-secret';

channelContract({
  type: 'whatsapp_cloud', blueprint: 'barberpro-palermo', handle: '5491155551234',
  bookingRequest: 'Hola, quiero un corte el viernes a la tarde',
  async start() {
    const fake = await startFakeWhatsApp('contract-token');
    return {
      config: { phoneNumberId: '1122334455667', accessToken: 'contract-token', appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl },
      fake: {
        sent: () => fake.sent.map(({ body }) => {
          const b = body as { to: string; text?: { body: string }; interactive?: { body: { text: string }; action: { buttons?: { reply: { title: string } }[]; sections?: { rows: { title: string }[] }[] } } };
          const options = b.interactive?.action.buttons?.map((x) => x.reply.title) ?? b.interactive?.action.sections?.flatMap((s) => s.rows.map((r) => r.title)) ?? [];
          return { to: b.to, text: b.text?.body ?? b.interactive?.body.text ?? '', options };
        }),
        failNext: (kind, times) => (kind === 'rate_limit'
          ? fake.failNext(times, 400, 130429, '(#130429) Rate limit hit')
          : fake.failNext(times, 400, 131026, 'Message undeliverable')),
        close: fake.close,
      },
    };
  },
  inbound: ({ from, text, id, at }) => {
    const payload = JSON.stringify(whatsappText('1122334455667', from, text, at, id));
    return { payload, headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, payload) } };
  },
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-hub-signature-256': metaSignature('not-the-secret', call.payload) } }),
});
