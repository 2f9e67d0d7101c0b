import { randomBytes } from 'node:crypto';
import { startFakeHttp } from './http-server';

export interface EvolutionSend { instance: string; apikey?: string; body: { number: string; text: string } }
type Scripted = { status: number; body: unknown };

/** Evolution's failures, in its own envelope: `{ status, error, response: { message } }`. */
export const evolutionErrors = {
  notOnWhatsApp: (number: string): Scripted => ({ status: 400, body: { status: 400, error: 'Bad Request',
    response: { message: [{ jid: `${number}@s.whatsapp.net`, exists: false, number }] } } }),
  unavailable: (): Scripted => ({ status: 503, body: { status: 503, error: 'Service Unavailable', response: { message: 'Service Unavailable' } } }),
  connectionClosed: (): Scripted => ({ status: 500, body: { status: 500, error: 'Internal Server Error', response: { message: 'Connection Closed' } } }),
};

/**
 * A local stand-in for an Evolution API server's POST /message/sendText/{instance}: checks the
 * `apikey` header and the instance like Evolution, answers 201 with the sent message's key,
 * records what it got, and can be told to fail the next sends.
 */
export async function startFakeEvolution(instance: string, apiKey: string) {
  const sent: EvolutionSend[] = [];
  const script: ((number: string) => Scripted)[] = [];
  const { port, close } = await startFakeHttp((req, send) => {
    const { raw } = req;
    const reply = ({ status, body }: Scripted) => send(status, body);
    const [, path] = /^\/message\/sendText\/([^/?]+)$/.exec(req.url ?? '') ?? [];
    if (req.method !== 'POST' || !path) return reply({ status: 404, body: { status: 404, error: 'Not Found', response: { message: ['Cannot POST'] } } });
    if (req.headers.apikey !== apiKey) return reply({ status: 401, body: { status: 401, error: 'Unauthorized', response: { message: 'Unauthorized' } } });
    const name = decodeURIComponent(path);
    if (name !== instance) {
      return reply({ status: 404, body: { status: 404, error: 'Not Found', response: { message: [`The "${name}" instance does not exist`] } } });
    }
    const body = JSON.parse(raw) as EvolutionSend['body'];
    if (!body.number || !body.text) return reply({ status: 400, body: { status: 400, error: 'Bad Request', response: { message: ['instance requires property "text"'] } } });
    sent.push({ instance: name, apikey: req.headers.apikey, body });
    const next = script.shift();
    if (next) return reply(next(body.number));
    reply({ status: 201, body: {
      key: { remoteJid: `${body.number}@s.whatsapp.net`, fromMe: true, id: `BAE5${randomBytes(6).toString('hex').toUpperCase()}` },
      message: { extendedTextMessage: { text: body.text } }, messageTimestamp: String(Math.floor(Date.now() / 1000)), status: 'PENDING',
    } });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sent,
    /** The next sends get this answer (given the number sent to) instead of going through. */
    failNext(times: number, answer: (number: string) => Scripted) {
      for (let i = 0; i < times; i++) script.push(answer);
    },
    close,
  };
}

/** Evolution's webhook envelope around one event, as its webhook controller posts it. */
export function evolutionEnvelope(instance: string, event: string, data: unknown, at: number) {
  return { event, instance, data, destination: 'http://frontdesk.test/v1/webhooks/x', date_time: new Date(at).toISOString(),
    sender: '551130000000@s.whatsapp.net', server_url: 'http://evolution.test', apikey: 'instance-token' };
}

/** A messages.upsert with one text from a customer's number. */
export function evolutionText(instance: string, input: { from: string; text: string; id: string; at: number; pushName?: string; fromMe?: boolean; jid?: string }) {
  return evolutionEnvelope(instance, 'messages.upsert', {
    key: { remoteJid: input.jid ?? `${input.from}@s.whatsapp.net`, fromMe: input.fromMe ?? false, id: input.id },
    pushName: input.pushName ?? 'Cliente', message: { conversation: input.text }, messageType: 'conversation',
    messageTimestamp: Math.floor(input.at / 1000), instanceId: 'a1b2c3d4', source: 'android',
  }, input.at);
}

/** A messages.update receipt for a message we sent. */
export function evolutionReceipt(instance: string, input: { to: string; keyId: string; status: string; at: number }) {
  return evolutionEnvelope(instance, 'messages.update', {
    keyId: input.keyId, remoteJid: `${input.to}@s.whatsapp.net`, fromMe: true, participant: `${input.to}@s.whatsapp.net`,
    status: input.status, instanceId: 'a1b2c3d4', messageId: `cm${randomBytes(8).toString('hex')}`,
  }, input.at);
}
