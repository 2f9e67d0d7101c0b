import { describe, expect, it } from 'vitest';
import { pickOffers } from './offers';
import { priceAnswer } from './quote';
import { step } from './policy';
import { barber, fresh, heard } from './testing';

describe('what a customer means in the middle of a booking', () => {
  it('offers "a la tarde" after lunchtime, not at 12:00 in a shop open 10–13 and 16–20:30', () => {
    const tz = 'America/Argentina/Buenos_Aires';
    const slots = ['12:00', '12:15', '12:30', '16:00', '16:15', '16:30'].map((t) => ({ start: Date.parse(`2026-11-26T${t}:00-03:00`) }));
    const picked = pickOffers(slots, { text: 'a la tarde', start: 0, end: 10, date: '2026-11-26', partOfDay: 'afternoon' }, tz);
    expect(picked.map((s) => new Date(s.start).toISOString())).toEqual(['2026-11-26T19:00:00.000Z', '2026-11-26T19:15:00.000Z', '2026-11-26T19:30:00.000Z']);
  });

  it('answers "¿y cuánto sale?" with the price of the service being booked', () => {
    const booking = { ...fresh('es'), stage: 'offering' as const, serviceId: 'barba' };
    expect(priceAnswer(booking, heard('ask_price', 'es'), '¿y cuánto sale?', barber).text).toBe('• Barba: $\u00a010.000,00');
    expect(priceAnswer(fresh('es'), heard('ask_price', 'es'), '¿precios?', barber).text).toContain('Corte');
  });
});

describe('a question about a service on a day', () => {
  it('is answered with that day\'s times, not passed to a person', () => {
    const barba = { id: 'barba', name: 'Barba', score: 1 };
    const tuesday = { text: 'martes', start: 26, end: 32, date: '2026-12-01' };
    const u = heard('inform', 'es', { entities: { services: [barba] }, dateTimes: [tuesday] });
    const r = step(fresh('es'), { kind: 'message', understanding: u, text: '¿tenés algo para barba el martes?' }, barber);
    expect(r.commands).toEqual([{ kind: 'find_slots', serviceId: 'barba', staffId: undefined, when: tuesday }]);
  });
});

describe('price questions', () => {
  const vans = {
    ...barber, locale: 'en-GB', services: [
      { id: 'small', name: 'Small van + 1 crew (2 h)', durationMinutes: 120, price: { amount: 9000, currency: 'GBP' } },
      { id: 'luton', name: 'Luton van + 2 crew (full day, 8 h)', durationMinutes: 480, price: { amount: 58000, currency: 'GBP' } },
    ],
  };

  it('quote the service a weak but clear match names ("a small van"), not the whole list', () => {
    const u = heard('ask_price', 'en', { entities: { services: [{ id: 'small', name: 'Small van + 1 crew (2 h)', score: 0.45 }] } });
    expect(priceAnswer(fresh('en'), u, 'How much is a small van?', vans).text).toBe('• Small van + 1 crew (2 h): £90.00');
  });

  it('about something no price covers get the FAQ answer after the prices', () => {
    const u = heard('ask_price', 'en', { confidence: 0.78 });
    const knowledge = { id: 'stairs', answer: 'Stairs without a lift and long distances add a surcharge; we include it in your quote.' };
    const r = step(fresh('en'), { kind: 'message', understanding: u, text: 'Do you charge extra for stairs?', knowledge }, vans);
    expect(r.replies.map((x) => x.sources)).toEqual([['catalogue.prices'], ['knowledge.stairs']]);
    expect(r.replies[1]!.text).toBe(knowledge.answer);
  });
});
