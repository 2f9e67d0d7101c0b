import { describe, expect, it } from 'vitest';
import { validateSchedule } from './validate';
import type { Schedule } from './types';

const ok: Schedule = {
  timeZone: 'America/Argentina/Buenos_Aires',
  weekly: { tue: [['10:00', '13:00'], ['16:00', '20:30']], sat: [['20:00', '24:00'], ['00:00', '02:00']] },
  overrides: [{ date: '2026-12-24', intervals: [['10:00', '13:00']] }, { date: '2026-12-25', intervals: [] }],
};

describe('validateSchedule', () => {
  it('accepts a valid schedule (touching intervals, 24:00 end, closed override)', () => {
    expect(validateSchedule(ok)).toEqual([]);
    expect(validateSchedule({ timeZone: 'UTC', weekly: {}, overrides: [] })).toEqual([]);
    expect(validateSchedule({ ...ok, weekly: { mon: [['08:00', '12:00'], ['12:00', '13:00']] } })).toEqual([]);
  });

  it.each<[string, unknown, { path: string; message: RegExp }[]]>([
    ['unknown zone', { ...ok, timeZone: 'Mars/Base' }, [{ path: 'timeZone', message: /IANA/ }]],
    ['offset instead of zone', { ...ok, timeZone: '-03:00' }, [{ path: 'timeZone', message: /IANA/ }]],
    ['25:00', { ...ok, weekly: { mon: [['08:00', '12:00'], ['13:00', '25:00']] } }, [{ path: 'weekly.mon[1]', message: /25:00/ }]],
    ['24:00 as a start', { ...ok, weekly: { mon: [['24:00', '24:00']] } }, [{ path: 'weekly.mon[0]', message: /start/ }]],
    ['end before start', { ...ok, weekly: { wed: [['12:00', '08:00']] } }, [{ path: 'weekly.wed[0]', message: /after/ }]],
    ['empty interval', { ...ok, weekly: { wed: [['08:00', '08:00']] } }, [{ path: 'weekly.wed[0]', message: /after/ }]],
    ['overlap in one day', { ...ok, weekly: { fri: [['13:00', '18:00'], ['08:00', '13:30']] } }, [{ path: 'weekly.fri[1]', message: /overlaps weekly.fri\[0\]/ }]],
    ['bad weekday', { ...ok, weekly: { monday: [] } }, [{ path: 'weekly.monday', message: /weekday/ }]],
    ['not a pair', { ...ok, weekly: { mon: [['08:00']] } }, [{ path: 'weekly.mon[0]', message: /pair/ }]],
    ['bad override date', { ...ok, overrides: [{ date: '2026-02-30', intervals: [] }] }, [{ path: 'overrides[0].date', message: /date/ }]],
    ['duplicate override', { ...ok, overrides: [{ date: '2026-12-25', intervals: [] }, { date: '2026-12-25', intervals: [] }] },
      [{ path: 'overrides[1].date', message: /duplicate/ }]],
    ['bad override interval', { ...ok, overrides: [{ date: '2026-12-25', intervals: [['9:00', '10:00']] }] },
      [{ path: 'overrides[0].intervals[0]', message: /9:00/ }]],
    ['override overlap', { ...ok, overrides: [{ date: '2026-12-25', intervals: [['09:00', '11:00'], ['10:00', '12:00']] }] },
      [{ path: 'overrides[0].intervals[1]', message: /overlaps/ }]],
    ['missing parts', { timeZone: 'UTC' }, [{ path: 'weekly', message: /object/ }, { path: 'overrides', message: /list/ }]],
  ])('%s', (_name, schedule, expected) => {
    const issues = validateSchedule(schedule as Schedule);
    expect(issues.map((i) => i.path)).toEqual(expected.map((e) => e.path));
    issues.forEach((issue, i) => expect(issue.message).toMatch(expected[i]!.message));
  });

  it('reports every problem at once', () => {
    const bad = { timeZone: 'x', weekly: { mon: [['8', '9']], tue: [['10:00', '09:00']] }, overrides: [{ date: 'tomorrow', intervals: 'none' }] };
    expect(validateSchedule(bad as unknown as Schedule).map((i) => i.path)).toEqual([
      'timeZone', 'weekly.mon[0]', 'weekly.mon[0]', 'weekly.tue[0]', 'overrides[0].date', 'overrides[0].intervals',
    ]);
  });
});
