import { describe, expect, it } from 'vitest';
import { values } from './test-helpers';

describe('resolution in the tenant zone', () => {
  it('Europe/London: the night the clocks go back (2026-10-25 02:00 BST → 01:00 GMT)', () => {
    const sat2330 = Date.UTC(2026, 9, 24, 22, 30); // Sat 2026-10-24 23:30 BST
    expect(values('tomorrow at 9', 'en', sat2330, 'Europe/London')).toEqual([{ date: '2026-10-25', time: '09:00' }]);
    expect(values('today', 'en', sat2330, 'Europe/London')).toEqual([{ date: '2026-10-24' }]);
    // 00:30 BST + 2 h of real time = 01:30 GMT (the wall clock only moves 1 h)
    const sun0030 = Date.UTC(2026, 9, 24, 23, 30);
    expect(values('in 2 hours', 'en', sun0030, 'Europe/London')).toEqual([{ date: '2026-10-25', time: '01:30' }]);
    expect(values('in 2 hours', 'en', sun0030, 'UTC')).toEqual([{ date: '2026-10-25', time: '01:30' }]);
    const sun0100gmt = Date.UTC(2026, 9, 25, 1, 0); // 01:00 GMT, after the change
    expect(values('in 2 hours', 'en', sun0100gmt, 'Europe/London')).toEqual([{ date: '2026-10-25', time: '03:00' }]);
    expect(values('next week', 'en', sun0030, 'Europe/London')).toEqual([{ dateRange: { from: '2026-10-26', to: '2026-11-01' } }]);
  });

  it('Europe/London: spring forward (2026-03-29 01:00 GMT → 02:00 BST)', () => {
    const sat2300 = Date.UTC(2026, 2, 28, 23, 0); // Sat 23:00 GMT
    expect(values('in 2 hours', 'en', sat2300, 'Europe/London')).toEqual([{ date: '2026-03-29', time: '02:00' }]);
    expect(values('tomorrow at 1:30am', 'en', sat2300, 'Europe/London')).toEqual([{ date: '2026-03-29', time: '01:30' }]);
  });

  it('Asia/Kolkata (+05:30): "today" is the local date, not the UTC one', () => {
    const utcEvening = Date.UTC(2026, 10, 25, 20, 0); // Wed 20:00 UTC = Thu 01:30 IST
    expect(values('today', 'en', utcEvening, 'Asia/Kolkata')).toEqual([{ date: '2026-11-26' }]);
    expect(values('tomorrow at 10', 'en', utcEvening, 'Asia/Kolkata')).toEqual([{ date: '2026-11-27', time: '10:00' }]);
    expect(values('Friday', 'en', utcEvening, 'Asia/Kolkata')).toEqual([{ date: '2026-11-27' }]);
    expect(values('in 45 minutes', 'en', utcEvening, 'Asia/Kolkata')).toEqual([{ date: '2026-11-26', time: '02:15' }]);
    expect(values('today', 'en', utcEvening, 'America/Sao_Paulo')).toEqual([{ date: '2026-11-25' }]);
  });

  it('a bare weekday equal to today counts only when the time is still ahead', () => {
    const wed1000 = Date.UTC(2026, 10, 25, 13, 0); // Wed 10:00 São Paulo
    expect(values('quarta às 11h', 'pt', wed1000)).toEqual([{ date: '2026-11-25', time: '11:00' }]);
    expect(values('quarta às 9h', 'pt', wed1000)).toEqual([{ date: '2026-12-02', time: '09:00' }]);
    expect(values('quarta', 'pt', wed1000)).toEqual([{ date: '2026-12-02' }]);
    expect(values('quarta depois das 15h', 'pt', wed1000)).toEqual([{ date: '2026-11-25', timeRange: { from: '15:00' } }]);
    expect(values('next Wednesday at 6pm', 'en', wed1000)).toEqual([{ date: '2026-12-02', time: '18:00' }]);
    expect(values('this Wednesday', 'en', wed1000)).toEqual([{ date: '2026-11-25' }]);
  });

  it('"next Friday" on a Thursday is tomorrow; "Friday next week" is eight days away', () => {
    const thu = Date.UTC(2026, 10, 26, 13, 0);
    expect(values('next Friday', 'en', thu)).toEqual([{ date: '2026-11-27' }]);
    expect(values('Friday next week', 'en', thu)).toEqual([{ date: '2026-12-04' }]);
    expect(values('el próximo viernes', 'es', thu)).toEqual([{ date: '2026-11-27' }]);
    expect(values('sexta da semana que vem', 'pt', thu)).toEqual([{ date: '2026-12-04' }]);
  });

  it('"this weekend" said on Sunday is the rest of this weekend', () => {
    const sun = Date.UTC(2026, 10, 29, 13, 0);
    expect(values('this weekend', 'en', sun)).toEqual([{ dateRange: { from: '2026-11-29', to: '2026-11-29' } }]);
    expect(values('next weekend', 'en', sun)).toEqual([{ dateRange: { from: '2026-12-05', to: '2026-12-06' } }]);
  });

  it('year boundaries and leap days', () => {
    const dec30 = Date.UTC(2026, 11, 30, 13, 0);
    expect(values('5 de enero', 'es', dec30)).toEqual([{ date: '2027-01-05' }]);
    expect(values('next week', 'en', dec30)).toEqual([{ dateRange: { from: '2027-01-04', to: '2027-01-10' } }]);
    expect(values('29/02', 'pt', dec30)).toEqual([{ date: '2028-02-29' }]);
    expect(values('31/04', 'pt', dec30)).toEqual([]);
  });
});
