import { describe, expect, it } from 'vitest';
import { TicketSettings } from '@frontdesk/contracts';
import { lastBurst, normalise, subjectFrom, ticketReason } from './complaint';

const barberpro = TicketSettings.parse({ complaintKeywords: ['queja', 'reclamo', 'me lastimó', 'devolución'] });

describe('which hand-offs open a ticket', () => {
  it.each<[string, TicketSettings, string | null, string[], string | undefined]>([
    ['the keyword rule that fired', barberpro, 'the business hands "queja" to a person', ['algo'], 'complaint: "queja"'],
    ['the customer\'s words, accents and case ignored', barberpro, 'customer asked for a person', ['¡El barbero ME LASTIMO!'], 'complaint: "me lastimó"'],
    ['whole words only', barberpro, 'customer asked for a person', ['quejarme no, solo pregunto'], undefined],
    ['another hand-off without complaint words', barberpro, 'did not understand 3 times', ['asdf'], undefined],
    ['every hand-off when the tenant wants it', TicketSettings.parse({ openOn: 'every_handoff' }), 'customer asked for a person', ['hola'], 'customer asked for a person'],
    ['never', TicketSettings.parse({ openOn: 'never', complaintKeywords: ['queja'] }), 'the business hands "queja" to a person', ['queja'], undefined],
    ['no settings at all', TicketSettings.parse({}), 'the business hands "queja" to a person', ['tengo una queja'], undefined],
  ])('%s', (_name, settings, reason, texts, expected) => {
    expect(ticketReason(settings, reason, texts)).toBe(expected);
  });
});

describe('the customer\'s words', () => {
  it('normalises for matching', () => {
    expect(normalise('  Devolución,  por FAVOR! ')).toBe('devolucion por favor');
  });
  it('takes the last burst of customer messages before the replies', () => {
    const messages = [
      { author: 'assistant', text: 'Hola' }, { author: 'customer', text: 'antes' }, { author: 'assistant', text: '¿Algo más?' },
      { author: 'customer', text: 'tengo una queja' }, { author: 'customer', text: 'el corte quedó mal' }, { author: 'assistant', text: 'Te paso con una persona' },
    ];
    expect(lastBurst(messages)).toEqual(['tengo una queja', 'el corte quedó mal']);
    expect(lastBurst([{ author: 'assistant', text: 'Hola' }])).toEqual([]);
  });
  it('makes a subject of them, cut at a word', () => {
    expect(subjectFrom(['tengo una queja,', 'el corte quedó mal'], 'x')).toBe('tengo una queja, el corte quedó mal');
    expect(subjectFrom([], 'complaint: "queja"')).toBe('complaint: "queja"');
    const long = subjectFrom(['palabra '.repeat(40)], 'x');
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('palabra…')).toBe(true);
  });
});
