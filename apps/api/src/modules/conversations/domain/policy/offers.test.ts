import { describe, expect, it } from 'vitest';
import { pickOffers, searchWindow } from './offers';

const NOW = Date.parse('2026-11-25T13:00:00Z'); // Wed 10:00 in São Paulo
const TZ = 'America/Sao_Paulo';
const at = (iso: string) => ({ start: Date.parse(iso) });
const iso = (xs: { start: number }[]) => xs.map((x) => new Date(x.start).toISOString().slice(0, 16));

describe('where to look', () => {
  it('searches the asked day in the business zone', () => {
    expect(searchWindow({ text: 'sexta', start: 0, end: 5, date: '2026-11-27' }, NOW, TZ))
      .toEqual({ from: Date.parse('2026-11-27T03:00:00Z'), to: Date.parse('2026-11-28T03:00:00Z') });
  });

  it('never searches the past, and looks two weeks ahead when no day was given', () => {
    expect(searchWindow(undefined, NOW, TZ)).toEqual({ from: NOW, to: Date.parse('2026-12-09T03:00:00Z') });
    expect(searchWindow({ text: 'hoje', start: 0, end: 4, date: '2026-11-25' }, NOW, TZ).from).toBe(NOW);
  });

  it('searches a range such as this weekend', () => {
    expect(searchWindow({ text: 'this weekend', start: 0, end: 12, dateRange: { from: '2026-11-28', to: '2026-11-29' } }, NOW, TZ))
      .toEqual({ from: Date.parse('2026-11-28T03:00:00Z'), to: Date.parse('2026-11-30T03:00:00Z') });
  });
});

describe('which three to offer', () => {
  const day = ['11:00', '12:00', '13:00', '17:00', '18:00', '19:00'].map((t) => at(`2026-11-27T${t}:00Z`)); // 08..16 local

  it('takes the three nearest to the asked time, in time order', () => {
    expect(iso(pickOffers(day, { text: '15h', start: 0, end: 3, time: '15:00' }, TZ))).toEqual(['2026-11-27T17:00', '2026-11-27T18:00', '2026-11-27T19:00']);
    expect(iso(pickOffers(day, { text: '10h', start: 0, end: 3, time: '10:00' }, TZ))).toEqual(['2026-11-27T12:00', '2026-11-27T13:00', '2026-11-27T11:00'].sort());
  });

  it('keeps to the part of the day or the range asked', () => {
    expect(iso(pickOffers(day, { text: 'de manhã', start: 0, end: 8, partOfDay: 'morning' }, TZ))).toEqual(['2026-11-27T11:00', '2026-11-27T12:00', '2026-11-27T13:00']);
    expect(iso(pickOffers(day, { text: 'depois das 15h', start: 0, end: 14, timeRange: { from: '15:00' } }, TZ))).toEqual(['2026-11-27T18:00', '2026-11-27T19:00']);
  });

  it('offers the earliest when nothing about the time was said', () => {
    expect(pickOffers(day, undefined, TZ)).toHaveLength(3);
    expect(iso(pickOffers(day, undefined, TZ))[0]).toBe('2026-11-27T11:00');
  });
});
