import { describe, expect, it } from 'vitest';
import text from '../../../../test/fixtures/evolution-api/webhook-messages-upsert-text.json';
import ephemeral from '../../../../test/fixtures/evolution-api/webhook-messages-upsert-ephemeral-text.json';
import location from '../../../../test/fixtures/evolution-api/webhook-messages-upsert-location.json';
import contact from '../../../../test/fixtures/evolution-api/webhook-messages-upsert-contact.json';
import image from '../../../../test/fixtures/evolution-api/webhook-messages-upsert-image-base64.json';
import reaction from '../../../../test/fixtures/evolution-api/webhook-messages-upsert-reaction.json';
import revoke from '../../../../test/fixtures/evolution-api/webhook-messages-upsert-revoke.json';
import { evolution } from './evolution';
import { WebhookParseError } from './types';

const account = (instance = 'inst-test') => ({
  id: 'c1', tenantId: 't1', type: 'evolution' as const,
  config: { baseUrl: 'http://evolution.test', instance, apiKey: 'key', webhookSecret: 'tenant-secret' },
});
const request = (body: string, headers: Record<string, string> = {}) =>
  ({ method: 'POST', url: 'https://desk.example/v1/webhooks/c1', headers, query: {}, rawBody: Buffer.from(body) });
const parse = (payload: unknown, instance?: string) => evolution.parse(request(JSON.stringify(payload)), account(instance));
/** A fixture with its message key changed (our own payloads, in the fixture's shape). */
const withKey = (fixture: typeof text, key: Partial<typeof text.data.key>) => ({ ...fixture, data: { ...fixture.data, key: { ...fixture.data.key, ...key } } });

describe('Evolution API webhooks', () => {
  it('accepts the shared secret the tenant put in the webhook headers, and nothing else', () => {
    const body = JSON.stringify(text);
    expect(evolution.verify(request(body, { 'x-frontdesk-secret': 'tenant-secret' }), account())).toEqual({ ok: true });
    expect(evolution.verify(request(body, { 'x-frontdesk-secret': 'tenant-secreT' }), account())).toMatchObject({ ok: false, status: 401 });
    expect(evolution.verify(request(body, { apikey: 'key' }), account())).toMatchObject({ ok: false, status: 401, reason: 'missing x-frontdesk-secret' });
  });

  it("reads a text with the number of the customer's chat as the handle", () => {
    expect(parse(text)).toEqual([{ kind: 'message', providerMessageId: '3EB0EVTEXT0001', from: '5511900000001', name: 'Contato Teste',
      at: 1790000000000, content: { type: 'text', text: 'Olá, tudo bem?' } }]);
    expect(parse(ephemeral)[0]).toMatchObject({ content: { type: 'text', text: 'mensagem temporária' } });
  });

  it('reads places, contact cards, reactions and deletions', () => {
    expect(parse(location)[0]).toMatchObject({ content: { type: 'location', latitude: -23.5505, longitude: -46.6333, name: 'Praça da Sé', address: 'Sé, São Paulo - SP' } });
    expect(parse(contact)[0]).toMatchObject({ content: { type: 'contacts', names: ['Carol Souza'], phones: ['5511900000002'] } });
    expect(parse(reaction)[0]).toMatchObject({ content: { type: 'reaction', toMessageId: '3EB0ORIGINAL0001', emoji: '👍' } });
    expect(parse(revoke)[0]).toMatchObject({ providerMessageId: '3EB0EVREVK0001', content: { type: 'delete', toMessageId: '3EB0ORIGINAL0001' } });
  });

  it('keeps media by the message id, never the base64 bytes Evolution may include', () => {
    const [event] = parse(image);
    expect(event).toEqual({ kind: 'message', providerMessageId: '3EB0EVIMG0001', from: '5511900000001', name: 'Contato Teste',
      at: 1790000000000, content: { type: 'media', mediaType: 'image', ref: '3EB0EVIMG0001', mimeType: 'image/png' } });
    expect(JSON.stringify(event)).not.toContain(image.data.message.base64);
  });

  it('ignores echoes of our own sends, groups, other instances and events that are not messages', () => {
    expect(parse(withKey(text, { fromMe: true }))).toEqual([{ kind: 'ignored', providerEventId: '3EB0EVTEXT0001', reason: 'our own send (fromMe)' }]);
    expect(parse(withKey(text, { remoteJid: '120363025000000000@g.us' }))[0]).toMatchObject({ kind: 'ignored', providerEventId: '3EB0EVTEXT0001' });
    expect(parse(withKey(text, { remoteJid: 'status@broadcast' }))[0]).toMatchObject({ kind: 'ignored' });
    expect(parse(text, 'another-instance')[0]).toMatchObject({ kind: 'ignored', reason: 'another instance (inst-test)' });
    const connection = { event: 'connection.update', instance: 'inst-test', data: { instance: 'inst-test', state: 'close', statusReason: 440 },
      server_url: 'http://localhost:8080', date_time: '2026-11-25T13:00:00.000Z' };
    const [ignored] = parse(connection);
    expect(ignored).toMatchObject({ kind: 'ignored', reason: 'event connection.update' });
    expect(parse(connection)).toEqual([ignored]); // the same bytes again are the same event
  });

  it('turns receipts of our sends into delivery statuses', () => {
    const receipt = (status: string, fromMe = true) => ({ event: 'messages.update', instance: 'inst-test', date_time: '2026-11-25T13:00:05.000Z',
      data: { keyId: 'BAE594145F4C59B4', remoteJid: '5511900000001@s.whatsapp.net', fromMe, status, instanceId: 'i1', messageId: 'cm1' } });
    const at = Date.parse('2026-11-25T13:00:05.000Z');
    expect(parse(receipt('SERVER_ACK'))).toEqual([{ kind: 'status', providerMessageId: 'BAE594145F4C59B4', status: 'sent', at }]);
    expect(parse(receipt('DELIVERY_ACK'))[0]).toMatchObject({ kind: 'status', status: 'delivered' });
    expect(parse(receipt('READ'))[0]).toMatchObject({ kind: 'status', status: 'read' });
    expect(parse(receipt('ERROR'))[0]).toMatchObject({ kind: 'status', status: 'failed', error: { code: 'ERROR' } });
    expect(parse(receipt('DELETED'))[0]).toMatchObject({ kind: 'ignored' });
    expect(parse(receipt('READ', false))[0]).toMatchObject({ kind: 'ignored' });
    expect(parse({ ...receipt('READ'), event: 'MESSAGES_UPDATE' })[0]).toMatchObject({ kind: 'status', status: 'read' });
    const undated = { ...receipt('READ'), date_time: undefined };
    expect(evolution.parse({ ...request(JSON.stringify(undated)), receivedAt: at + 7 }, account())[0]).toMatchObject({ status: 'read', at: at + 7 });
  });

  it('refuses what Evolution does not send', () => {
    expect(() => evolution.parse(request('not json'), account())).toThrow(WebhookParseError);
    expect(() => parse({ instance: 'inst-test', data: {} })).toThrow(/no event/);
    expect(() => parse({ event: 'messages.upsert', instance: 'inst-test', data: { message: { conversation: 'oi' } } })).toThrow(/key/);
  });
});
