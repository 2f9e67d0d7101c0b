import { describe, expect, it } from 'vitest';
import { businessClockDiffers, dayWindow, distinctStarts, firstOpenDay, sameClock, slotsByDay, type SlotLike } from './days';

const slot = (start: string, date: string, time: string, business = { date, time }, resourceIds = ['r1']): SlotLike =>
  ({ start, resourceIds, visitorTime: { date, time }, businessTime: business });

describe("the visitor's days", () => {
  it('pages through two weeks at a time on the calendar (month and year ends included)', () => {
    expect(dayWindow('2026-12-25', 0)).toMatchObject({ from: '2026-12-25', to: '2027-01-07' });
    expect(dayWindow('2026-12-25', 1).dates.slice(0, 2)).toEqual(['2027-01-08', '2027-01-09']);
    expect(dayWindow('2028-02-20', 0).dates).toContain('2028-02-29');
    expect(dayWindow('2026-12-25', 0).dates).toHaveLength(14);
  });

  it("groups times by the visitor's date, earliest first, one per start", () => {
    // A visitor in Kolkata looking at a London business: 23:30 in London on 28 March is the 29th for them.
    const byDay = slotsByDay([
      slot('2027-03-29T09:00:00Z', '2027-03-29', '14:30', { date: '2027-03-29', time: '10:00' }),
      slot('2027-03-28T23:30:00Z', '2027-03-29', '05:00', { date: '2027-03-28', time: '23:30' }),
      slot('2027-03-29T09:00:00Z', '2027-03-29', '14:30', { date: '2027-03-29', time: '10:00' }, ['r2']),
      slot('2027-03-30T09:00:00Z', '2027-03-30', '14:30', { date: '2027-03-30', time: '10:00' }),
    ]);
    expect([...byDay.keys()]).toEqual(['2027-03-29', '2027-03-30']);
    expect(byDay.get('2027-03-29')!.map((s) => s.visitorTime.time)).toEqual(['05:00', '14:30']);
    expect(firstOpenDay(dayWindow('2027-03-28', 0), byDay)).toBe('2027-03-29');
    expect(firstOpenDay(dayWindow('2027-04-20', 0), byDay)).toBeUndefined();
  });

  it('keeps the first of several people offering the same start', () => {
    const list = distinctStarts([slot('a', 'd', '10:00', undefined, ['r1']), slot('a', 'd', '10:00', undefined, ['r2']), slot('b', 'd', '11:00')]);
    expect(list.map((s) => `${s.start}:${s.resourceIds[0]}`)).toEqual(['a:r1', 'b:r1']);
  });

  it("shows the business's clock only where it reads differently", () => {
    expect(businessClockDiffers(slot('x', '2027-03-29', '10:00'))).toBe(false);
    expect(businessClockDiffers(slot('x', '2027-03-29', '14:30', { date: '2027-03-29', time: '10:00' }))).toBe(true);
    expect(businessClockDiffers(slot('x', '2027-03-29', '00:30', { date: '2027-03-28', time: '00:30' }))).toBe(true);
  });
});

describe('two zone names with one clock', () => {
  const march = Date.parse('2027-03-01T12:00:00Z');
  it("are the same zone for the page (the browser's name for Buenos Aires is older than the business's)", () => {
    expect(sameClock('America/Buenos_Aires', 'America/Argentina/Buenos_Aires', march)).toBe(true);
    expect(sameClock('Asia/Calcutta', 'Asia/Kolkata', march)).toBe(true);
  });

  it('differ when the offsets differ on either side of a daylight-saving change', () => {
    // São Paulo and Buenos Aires both read UTC−3 all year now; New York and Toronto change together.
    expect(sameClock('America/Sao_Paulo', 'America/Argentina/Buenos_Aires', march)).toBe(true);
    expect(sameClock('America/New_York', 'America/Toronto', march)).toBe(true);
    // Bogotá matches New York in winter only; London matches Lisbon's clock, not Madrid's.
    expect(sameClock('America/Bogota', 'America/New_York', Date.parse('2027-01-10T12:00:00Z'))).toBe(false);
    expect(sameClock('Europe/London', 'Europe/Lisbon', march)).toBe(true);
    expect(sameClock('Europe/London', 'Europe/Madrid', march)).toBe(false);
    // São Paulo kept daylight-saving time until 2019: in December 2018 it was an hour ahead of Buenos Aires.
    expect(sameClock('America/Sao_Paulo', 'America/Argentina/Buenos_Aires', Date.parse('2018-12-01T12:00:00Z'))).toBe(false);
    // Kolkata never changes; London does, so even a winter match would not hold in summer.
    expect(sameClock('Europe/London', 'UTC', Date.parse('2027-01-10T12:00:00Z'))).toBe(false);
  });
});
