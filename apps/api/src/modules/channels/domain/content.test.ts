import { describe, expect, it } from 'vitest';
import { contentAsText, windowClosed } from './content';
import { fit, numberedMenu } from './render';
import { sendPacer } from './rate-limiter';

describe('inbound content as the assistant reads it', () => {
  it('keeps text, reads a tapped option as its id, and describes places and media', () => {
    expect(contentAsText({ type: 'text', text: 'oi' })).toEqual({ text: 'oi' });
    expect(contentAsText({ type: 'text', text: '  ' })).toBeUndefined();
    expect(contentAsText({ type: 'choice', id: 'slot-2', title: 'sex., 27 de nov., 09:00' })).toEqual({ text: 'sex., 27 de nov., 09:00', optionId: 'slot-2' });
    expect(contentAsText({ type: 'location', latitude: -23.5, longitude: -46.6, name: 'Casa' })!.text).toBe('📍 Casa (-23.5, -46.6)');
    expect(contentAsText({ type: 'media', mediaType: 'image', ref: 'm1', caption: 'meu boleto' })!.text).toBe('meu boleto');
    expect(contentAsText({ type: 'media', mediaType: 'audio', ref: 'm2' })!.text).toBe('[audio]');
    expect(contentAsText({ type: 'reaction', toMessageId: 'w1', emoji: '👍' })).toBeUndefined();
  });
});

describe('the 24-hour window', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('is open for 24 hours after the customer last wrote, on WhatsApp, Instagram and Messenger only', () => {
    expect(windowClosed('whatsapp_cloud', new Date(now - 23 * 3600_000), now)).toBe(false);
    expect(windowClosed('whatsapp_cloud', new Date(now - 24 * 3600_000), now)).toBe(true);
    expect(windowClosed('whatsapp_cloud', null, now)).toBe(true);
    expect(windowClosed('telegram', null, now)).toBe(false);
    expect(windowClosed('evolution', null, now)).toBe(false);
  });
});

describe('rendering for channels', () => {
  it('numbers options for channels without buttons, in the customer language', () => {
    const text = numberedMenu({ text: 'Tengo estos horarios:', lang: 'es', options: [{ id: 'a', label: 'vie 10:00' }, { id: 'b', label: 'vie 11:00' }] });
    expect(text).toBe('Tengo estos horarios:\n\n1. vie 10:00\n2. vie 11:00\n\nRespondé con el número de la opción.');
    expect(fit('sexta-feira, 27 de novembro, 09:00', 24)).toBe('sexta-feira, 27 de nove…');
    expect([...fit('sexta-feira, 27 de novembro, 09:00', 24)]).toHaveLength(24);
  });

  it('paces sends per account', async () => {
    const waits: number[] = [];
    const take = sendPacer(() => 0, async (ms) => { waits.push(ms); });
    await Promise.all([take('a', 10), take('a', 10), take('a', 10), take('b', 10)]);
    expect(waits).toEqual([100, 200]);
  });
});
