import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barber, kumon, offered, van } from './testing';
import { INTENTS, type UnderstandContext } from './types';
import { understand } from './understand';

const contexts: UnderstandContext[] = [kumon, barber, van, { ...kumon, offered, lastLang: 'es' }, { ...van, awaiting: ['provider', 'place', 'title', 'address'] }];
const WORDS = [
  'quero', 'marcar', 'cancelar', 'turno', 'sí', 'não', 'no', 'yes', 'book', 'amanhã', 'mañana', 'tomorrow', 'às', '10h',
  'a las 5', 'after 5', 'with', 'con', 'Dr.', 'in', 'em', 'Rua', '1500', 'Street', 'called', 'title', '"', 'o primeiro', 'la última', '2', 'STOP', 'baja', 'corte', 'barba', 'matemática', 'Nico', 'Mariana',
  '@', 'ana@x.com', '+55 11 98765-4321', '¿', '?', '!', '👍', '🙏', '😀', '\u0000', '\ud800', '\u200b', 'ß', 'İ', '\n',
];

const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((ws) => ws.join(' ')),
);

describe('understand on arbitrary input', () => {
  it('never throws and always returns a known intent with a sane shape', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...contexts), (text, ctx) => {
        const u = understand(text, ctx);
        expect(INTENTS).toContain(u.intent);
        expect(['pt', 'es', 'en']).toContain(u.lang);
        expect(u.confidence).toBeGreaterThanOrEqual(0);
        expect(u.confidence).toBeLessThanOrEqual(1);
        expect(u.ranked[0]?.intent).toBe(u.intent);
        for (const r of u.ranked) expect(INTENTS).toContain(r.intent);
        if (u.chosenOptionId !== undefined) {
          expect(u.intent).toBe('choose_option');
          expect(ctx.offered?.map((o) => o.id)).toContain(u.chosenOptionId);
        }
        // titles and addresses are taken verbatim from the message
        for (const k of ['title', 'address'] as const) if (u.entities[k] !== undefined) expect(text).toContain(u.entities[k]);
        for (const d of u.dateTimes) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(understand(text, barber)).toEqual(understand(text, barber));
      }),
      { numRuns: 100 },
    );
  });

  it('survives very long messages', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 4000, maxLength: 8000 }), (text) => {
        expect(INTENTS).toContain(understand(text, kumon).intent);
      }),
      { numRuns: 20 },
    );
  });
});
