import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../types';
import { dateToDayNumber, parseWallTime } from '../../../../../shared/time/zone';
import { extractDateTimes } from './index';

const PIECES: Record<Lang, string[]> = {
  pt: ['amanhã', 'às 15h', 'sexta-feira', 'de manhã', 'que vem', 'depois das 17h', '3 de dezembro', 'dia 15', 'meio-dia', 'semana que vem',
    'daqui a 2 horas', 'entre 14h e 16h', '03/12', 'às duas da tarde', 'fim de semana', 'quero', 'marcar', 'corte', 'com a Ana', 'ou', 'e', ',', '?'],
  es: ['mañana', 'a las 5', 'el viernes', 'por la tarde', 'pasado mañana', 'después de las 5', 'el 3 de diciembre', 'mediodía', 'este finde',
    'dentro de 2 horas', 'de 10 a 12', '12/03', 'la semana que viene', 'quiero', 'un turno', 'con Sofi', 'o', 'y', ',', '¿', '?'],
  en: ['tomorrow', 'at 5', 'next Friday', 'in the morning', 'after 5pm', 'Dec 3', '3rd of December', 'noon', 'this weekend', 'in 2 hours',
    'between 2 and 4', '03/12', 'next week', 'I want', 'a haircut', 'with Sam', 'or', 'and', ',', '?'],
};
const ZONES = ['America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Europe/London', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham'];
const langArb = fc.constantFrom<Lang>('pt', 'es', 'en');
const nowArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
const zoneArb = fc.constantFrom(...ZONES);
const phraseArb = langArb.chain((lang) => fc.tuple(fc.constant(lang), fc.array(fc.constantFrom(...PIECES[lang]), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '))));

function checkShape(text: string, lang: Lang, now: number, timeZone: string): void {
  const ms = extractDateTimes(text, lang, { now, timeZone });
  let last = 0;
  for (const m of ms) {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    last = m.end;
    if (m.date !== undefined) expect(dateToDayNumber(m.date)).not.toBeNull();
    if (m.time !== undefined) expect(parseWallTime(m.time, false)).not.toBeNull();
    if (m.dateRange !== undefined) {
      expect(dateToDayNumber(m.dateRange.from)).not.toBeNull();
      expect(m.dateRange.from <= m.dateRange.to).toBe(true);
    }
    for (const t of [m.timeRange?.from, m.timeRange?.to]) if (t !== undefined) expect(parseWallTime(t, false)).not.toBeNull();
  }
}

describe('extractDateTimes properties', () => {
  it('spans are consistent: text.slice(start, end) === mention.text, in order, no overlap, valid values', () => {
    fc.assert(fc.property(phraseArb, nowArb, zoneArb, ([lang, text], now, zone) => checkShape(text, lang, now, zone)), { numRuns: 400 });
  });

  it('never throws on arbitrary input (unicode, emoji, digits, punctuation)', () => {
    const noisy = fc.string({ unit: fc.constantFrom(...'0123456789/:.-hH apmÁáãçéíñóúü¿?'.split(''), 'às', 'de', 'las', 'at', 'el', '😀', '\u00a0'), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), noisy), langArb, nowArb, zoneArb,
      (text, lang, now, zone) => checkShape(text, lang, now, zone)), { numRuns: 600 });
  }, 30_000); // 600 runs take about 2 s alone, past 5 s on a loaded machine

  it('resolution never depends on the process time zone', () => {
    const saved = process.env.TZ;
    const inputs = fc.sample(fc.tuple(phraseArb, nowArb, zoneArb), { numRuns: 150, seed: 42 });
    const run = () => inputs.map(([[lang, text], now, zone]) => extractDateTimes(text, lang, { now, timeZone: zone }));
    process.env.TZ = 'UTC';
    const utc = run();
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      expect(run()).toEqual(utc);
    }
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('depends only on the local wall clock: the same wall time in two zones resolves alike', () => {
    // 2026-11-25 10:00 in São Paulo (UTC-3) and in Kolkata (UTC+5:30)
    const sp = Date.UTC(2026, 10, 25, 13, 0);
    const kol = Date.UTC(2026, 10, 25, 4, 30);
    fc.assert(fc.property(phraseArb, ([lang, text]) => {
      const strip = (ms: ReturnType<typeof extractDateTimes>) => JSON.stringify(ms);
      expect(strip(extractDateTimes(text, lang, { now: sp, timeZone: 'America/Sao_Paulo' })))
        .toBe(strip(extractDateTimes(text, lang, { now: kol, timeZone: 'Asia/Kolkata' })));
    }), { numRuns: 200 });
  });

  it('is fast: a 20-word message takes well under 1 ms', () => {
    const msg = 'Oi! Queria marcar um corte com a Ana na sexta-feira que vem de manhã, ou então sábado depois das 15h, pode ser?';
    for (let i = 0; i < 200; i++) extractDateTimes(msg, 'pt', { now: Date.UTC(2026, 10, 25, 13), timeZone: 'America/Sao_Paulo' });
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) extractDateTimes(msg, 'pt', { now: Date.UTC(2026, 10, 25, 13) + i * 60_000, timeZone: 'America/Sao_Paulo' });
    const mean = (performance.now() - t0) / n;
    expect(mean).toBeLessThan(1);
  });
});

