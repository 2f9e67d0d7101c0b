import { describe, expect, it } from 'vitest';
import { copyMondayToWeekdays, hoursProblems, normalizeTime, weekFormOf, weeklyOf, type WeekForm } from './weekly-hours';

const empty = (): WeekForm => weekFormOf({});

describe('weekly hours', () => {
  it('round-trips the API shape, with several intervals a day and midnight as 24:00', () => {
    const weekly = { mon: [['09:00', '13:00'], ['14:00', '19:00']] as [string, string][], sat: [['18:00', '24:00']] as [string, string][] };
    const form = weekFormOf(weekly);
    expect(form.sat).toEqual([{ from: '18:00', to: '24:00' }]);
    expect(form.tue).toEqual([]);
    expect(hoursProblems(form)).toEqual([]);
    expect(weeklyOf(form)).toEqual(weekly);
  });

  it('reads times as people type them, on a 24-hour clock', () => {
    expect(['9', '930', '0930', '9:30', '21.30', '21h30', '20hs', ' 7 ', '24', '00:00'].map(normalizeTime))
      .toEqual(['09:00', '09:30', '09:30', '09:30', '21:30', '21:30', '20:00', '07:00', '24:00', '00:00']);
    expect(['', '25', '9:60', '24:30', '9am', 'nueve', '1:2'].map(normalizeTime)).toEqual([null, null, null, null, null, null, null]);
  });

  it('saves typed times in the API shape, and an end of 00:00 as midnight', () => {
    const form = { ...empty(), mon: [{ from: '9', to: '1330' }], sat: [{ from: '20', to: '00:00' }] };
    expect(hoursProblems(form)).toEqual([]);
    expect(weeklyOf(form)).toEqual({ mon: [['09:00', '13:30']], sat: [['20:00', '24:00']] });
  });

  it('sorts intervals and leaves closed days out', () => {
    const form = { ...empty(), wed: [{ from: '15:00', to: '18:00' }, { from: '08:00', to: '12:00' }] };
    expect(weeklyOf(form)).toEqual({ wed: [['08:00', '12:00'], ['15:00', '18:00']] });
  });

  it('finds an end before its start, a time that is none and an overlap, each on its own row', () => {
    const form = {
      ...empty(),
      mon: [{ from: '13:00', to: '09:00' }],
      tue: [{ from: '09:00', to: '' }, { from: '24:00', to: '24:00' }],
      thu: [{ from: '09:00', to: '13:00' }, { from: '12:30', to: '18:00' }],
      fri: [{ from: '14:00', to: '18:00' }, { from: '09:00', to: '15:00' }],
      sat: [{ from: '10:00', to: '10:00' }],
    };
    expect(hoursProblems(form)).toEqual([
      { day: 'mon', index: 0, problem: 'endBeforeStart' },
      { day: 'tue', index: 0, problem: 'badTime' },
      { day: 'tue', index: 1, problem: 'badTime' },
      { day: 'thu', index: 1, problem: 'overlap' },
      { day: 'fri', index: 1, problem: 'overlap' },
      { day: 'sat', index: 0, problem: 'endBeforeStart' },
    ]);
  });

  it('lets intervals touch (a lunch break of zero minutes is not an overlap)', () => {
    expect(hoursProblems({ ...empty(), mon: [{ from: '09:00', to: '13:00' }, { from: '13:00', to: '17:00' }] })).toEqual([]);
  });

  it('copies Monday to the other weekdays without sharing rows', () => {
    const form = copyMondayToWeekdays({ ...empty(), mon: [{ from: '10:00', to: '20:00' }] });
    expect(weeklyOf(form)).toEqual(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['10:00', '20:00']]])));
    form.tue[0]!.from = '11:00';
    expect(form.mon[0]!.from).toBe('10:00');
  });
});
