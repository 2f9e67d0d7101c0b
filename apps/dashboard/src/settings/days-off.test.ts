import { describe, expect, it } from 'vitest';
import { daysOffOf, withDayOff, withoutDayOff, type Override } from './days-off';

const special: Override = { date: '2026-12-24', intervals: [['09:00', '13:00']] };

describe('days off of a resource', () => {
  it('adds a day off in date order, replacing special hours on that date, and removes it again', () => {
    let overrides = withDayOff([special], '2026-12-31');
    overrides = withDayOff(overrides, '2026-12-08');
    expect(overrides.map((o) => o.date)).toEqual(['2026-12-08', '2026-12-24', '2026-12-31']);
    expect(daysOffOf(overrides)).toEqual(['2026-12-08', '2026-12-31']);
    expect(daysOffOf(withDayOff(overrides, '2026-12-24'))).toEqual(['2026-12-08', '2026-12-24', '2026-12-31']);
    expect(withoutDayOff(overrides, '2026-12-08')).toEqual([special, { date: '2026-12-31', intervals: [] }]);
    expect(withoutDayOff(overrides, '2026-12-24')).toEqual(overrides); // special hours are not a day off
  });
});
