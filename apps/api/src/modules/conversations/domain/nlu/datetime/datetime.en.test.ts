import { describe, expect, it } from 'vitest';
import { type Expect, texts, values } from './test-helpers';

// Reference: Wednesday 2026-11-25 10:00 (America/Sao_Paulo wall clock).
const CASES: [string, Expect[]][] = [
  // PLATFORM-NOTES §7
  ['next Friday at 3pm', [{ date: '2026-11-27', time: '15:00' }]], // the coming Friday (chrono says Dec 4)
  ['tomorrow morning', [{ date: '2026-11-26', partOfDay: 'morning' }]],
  ['in 2 hours', [{ date: '2026-11-25', time: '12:00' }]],
  ['Dec 3 at 10:30', [{ date: '2026-12-03', time: '10:30' }]],
  // days
  ['today', [{ date: '2026-11-25' }]],
  ['the day after tomorrow', [{ date: '2026-11-27' }]],
  ['Friday', [{ date: '2026-11-27' }]],
  ['this Friday', [{ date: '2026-11-27' }]],
  ['Friday next week', [{ date: '2026-12-04' }]],
  ['next week Friday', [{ date: '2026-12-04' }]],
  ['next week on Friday', [{ date: '2026-12-04' }]],
  ['next Wednesday', [{ date: '2026-12-02' }]],
  ['Wednesday at 6pm', [{ date: '2026-11-25', time: '18:00' }]],
  ['last Friday', [{ date: '2026-11-20' }]],
  ['3rd of December', [{ date: '2026-12-03' }]],
  ['December 3rd', [{ date: '2026-12-03' }]],
  ['the 8th', [{ date: '2026-12-08' }]],
  ['3/12', [{ date: '2026-12-03' }]], // dd/mm (en-GB, en-IN)
  ['4/22', [{ date: '2027-04-22' }]], // unambiguous month-first
  ['Christmas', [{ date: '2026-12-25' }]],
  // times and parts of day
  ['at 5', [{ time: '17:00' }]],
  ['at 5am', [{ time: '05:00' }]],
  ['at 5 in the morning', [{ time: '05:00' }]],
  ['at 9', [{ time: '09:00' }]],
  ['12 pm', [{ time: '12:00' }]],
  ['12 am', [{ time: '00:00' }]],
  ['noon', [{ time: '12:00' }]],
  ['half past 3 in the afternoon', [{ time: '15:30' }]],
  ['quarter to five', [{ time: '16:45' }]],
  ['5 o\'clock', [{ time: '17:00' }]],
  ['afternoon 3', [{ time: '15:00' }]],
  ['tonight', [{ date: '2026-11-25', partOfDay: 'evening' }]],
  ['in the evening', [{ partOfDay: 'evening' }]],
  ['after 5', [{ timeRange: { from: '17:00' } }]],
  ['before noon', [{ timeRange: { to: '12:00' }, partOfDay: 'morning' }]],
  ['between 2 and 4', [{ timeRange: { from: '14:00', to: '16:00' } }]],
  ['from 9 to 11am', [{ timeRange: { from: '09:00', to: '11:00' } }]],
  ['in half an hour', [{ date: '2026-11-25', time: '10:30' }]],
  // ranges
  ['this weekend', [{ dateRange: { from: '2026-11-28', to: '2026-11-29' } }]],
  ['next weekend', [{ dateRange: { from: '2026-12-05', to: '2026-12-06' } }]],
  ['next week', [{ dateRange: { from: '2026-11-30', to: '2026-12-06' } }]],
  ['early next week', [{ dateRange: { from: '2026-11-30', to: '2026-12-02' } }]],
  ['the week of December 14', [{ dateRange: { from: '2026-12-14', to: '2026-12-20' } }]],
  // combinations
  ['Monday next week at 10:30 am', [{ date: '2026-11-30', time: '10:30' }]],
  ['tomorrow between 2 and 4pm', [{ date: '2026-11-26', timeRange: { from: '14:00', to: '16:00' } }]],
  ['Sat 10am', [{ date: '2026-11-28', time: '10:00' }]],
  ['11am on Sun', [{ date: '2026-11-29', time: '11:00' }]],
  ['at nine in the night', [{ time: '21:00' }]],
  ['the following Monday', [{ date: '2026-11-30' }]], // next week's Monday
  ['3pm or later', [{ timeRange: { from: '15:00' } }]],
  ['first Monday of December', [{ date: '2026-12-07' }]],
  // a bare hour after "for" next to a day (1–7 → pm)
  ['Book me for 10 tomorrow', [{ date: '2026-11-26', time: '10:00' }]],
  ['tomorrow for 3', [{ date: '2026-11-26', time: '15:00' }]],
  ['a table for 4 tomorrow at 8', [{ date: '2026-11-26', time: '08:00' }]],
  ['for 10 minutes tomorrow', [{ date: '2026-11-26' }]],
  ['in less than 3 days', [{ dateRange: { from: '2026-11-26', to: '2026-11-28' } }]],
  ['in 2 weeks from tomorrow', [{ date: '2026-12-10' }]],
  ['Mon-Fri', [{ dateRange: { from: '2026-11-30', to: '2026-12-04' } }]],
  ['by the end of the day tomorrow', [{ date: '2026-11-26', partOfDay: 'evening' }]],
  ['the next 2 business days', [{ dateRange: { from: '2026-11-26', to: '2026-11-27' } }]],
  ['this 3 November', [{ date: '2026-11-03' }]],
  // nothing
  ['That is all for now, thanks', []],
  ['rate it from 1 to 5 stars', []],
  ['a table for 5 please', []],
  ['Good morning!', []],
  ['That is all for today, thanks', []],
  ['I sat down, then left', []],
  ['I live at 620 3rd Street', []],
  ['It takes about 2 hours', []],
];

describe('extractDateTimes en', () => {
  it.each(CASES)('%s', (text, want) => {
    expect(values(text, 'en')).toEqual(want);
  });

  it('keeps the words of each mention', () => {
    expect(texts('Can I come in next Friday at 3pm or Saturday morning?', 'en')).toEqual(['next Friday at 3pm', 'Saturday morning']);
  });
});
