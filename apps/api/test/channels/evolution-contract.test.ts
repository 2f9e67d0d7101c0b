import { channelContract } from './contract';
import { evolutionErrors, evolutionText, startFakeEvolution } from '../harness/fakes/evolution';

const INSTANCE = 'kumon-vila-a';
const API_KEY = 'contract-evolution-apikey';
const WEBHOOK_SECRET = 'contract-webhook-secret';

/** Options come back as Evolution shows them: the numbered lines of the menu. */
const menuLines = (text: string) => [...text.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]!);

channelContract({
  type: 'evolution', blueprint: 'kumon-vila-a', handle: '5511987654321',
  bookingRequest: 'Oi, queria marcar uma avaliação na sexta de manhã',
  async start() {
    const fake = await startFakeEvolution(INSTANCE, API_KEY);
    return {
      config: { baseUrl: fake.baseUrl, instance: INSTANCE, apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET },
      fake: {
        sent: () => fake.sent.map(({ body }) => ({ to: body.number, text: body.text, options: menuLines(body.text) })),
        failNext: (kind, times) => fake.failNext(times, kind === 'rate_limit' ? evolutionErrors.unavailable : evolutionErrors.notOnWhatsApp),
        close: fake.close,
      },
    };
  },
  inbound: ({ from, text, id, at }) => {
    const payload = JSON.stringify(evolutionText(INSTANCE, { from, text, id: `3EB0${id}`, at, pushName: 'Maria' }));
    return { payload, headers: { 'content-type': 'application/json', 'x-frontdesk-secret': WEBHOOK_SECRET } };
  },
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-frontdesk-secret': 'not-the-secret' } }),
});
