import { describe, expect, it } from 'vitest';
import { isDayExpression, resolveDay } from './days';
import { ScenarioFormatError } from './format';
import { parseScenario } from './load';

const problems = (file: string, text: string): string[] => {
  try {
    parseScenario(file, text);
  } catch (err) {
    if (err instanceof ScenarioFormatError) return err.problems;
    throw err;
  }
  return [];
};

describe('the scenario format', () => {
  it('reads YAML with steps, expectations and setup bookings', () => {
    const s = parseScenario('a.yaml', [
      'name: Books a haircut', 'blueprint: barberpro-palermo', 'now: 2026-11-25T13:00:00Z',
      'setup:', '  bookings:', '    - { service: Corte, on: friday, at: "18:00", customer: { name: Ana, phone: "+5491155551234" } }',
      'steps:', '  - say: hola', '    expect: { mentions: [Hola], options: { count: 0 }, handedOff: false }', '  - choose: 2',
      '  - say: sí', '    expect:', '      booking: { action: created, service: Corte, on: +2d, at: "18:00" }',
    ].join('\n'));
    expect(s.steps).toHaveLength(3);
    expect(s.steps[1]).toEqual({ choose: 2, expect: {} });
    expect(s.steps[2]!.expect.booking).toEqual({ action: 'created', service: 'Corte', on: '+2d', at: '18:00' });
    expect(s.setup!.bookings[0]!.customer.phone).toBe('+5491155551234');
  });

  it('reads the same scenario written as JSON', () => {
    const s = parseScenario('a.json', JSON.stringify({ name: 'x', blueprint: 'speedy-van', steps: [{ say: 'hi', expect: { noBooking: true } }] }));
    expect(s.steps[0]!.expect.noBooking).toBe(true);
  });

  it('names the file and the field path of every mistake', () => {
    const found = problems('kumon/bad.yaml', [
      'name: x', 'blueprint: Kumon Vila A', 'steps:', '  - say: oi', '    expect:', '      mention: [oi]',
      '  - say: sim', '    choose: 1', '  - say: "ok"', '    expect: { booking: { action: booked, on: next week, at: "3pm" } }',
    ].join('\n'));
    expect(found).toEqual(expect.arrayContaining([
      'blueprint: use the tenant slug, e.g. kumon-vila-a',
      'steps[0].expect: Unrecognized key: "mention"',
      'steps[1].say: give exactly one of say (a message) or choose (an option number or label)',
      expect.stringMatching(/^steps\[2\]\.expect\.booking\.action: /),
      expect.stringMatching(/^steps\[2\]\.expect\.booking\.on: use today, tomorrow, \+Nd/),
      'steps[2].expect.booking.at: use HH:MM (24 h), e.g. "15:00"',
    ]));
    expect(problems('p.yaml', 'name: x\nblueprint: kumon-vila-a\nsteps:\n  - say: oi\n    expect: { mentions: ["{friday}", "{someday}, 10:00"] }'))
      .toEqual([expect.stringMatching(/^steps\[0\]\.expect\.mentions\[1\]: a \{placeholder\} must be a day: today, tomorrow/)]);
    expect(() => parseScenario('kumon/bad.yaml', 'name: x\nblueprint: kumon-vila-a\nsteps: []')).toThrow(/^kumon\/bad\.yaml:\n {2}steps: a scenario needs at least one step/);
  });

  it('asks for quotes around numbers that YAML would read as numbers, and reports broken YAML', () => {
    expect(problems('a.yaml', 'name: x\nblueprint: kumon-vila-a\nsteps:\n  - say: 11988887777')).toEqual(['steps[0].say: write numbers as text, in quotes (e.g. "812")']);
    expect(problems('a.yaml', 'name: [x\nsteps:')[0]).toMatch(/^not valid YAML: /);
    expect(problems('a.json', '{"name": ')[0]).toMatch(/^not valid JSON: /);
  });
});

describe('days in expectations', () => {
  const wednesday = '2026-11-25';

  it('are read relative to the day the scenario starts', () => {
    expect(resolveDay('today', wednesday)).toBe('2026-11-25');
    expect(resolveDay('tomorrow', wednesday)).toBe('2026-11-26');
    expect(resolveDay('+7d', wednesday)).toBe('2026-12-02');
    expect(resolveDay('2027-01-04', wednesday)).toBe('2027-01-04');
  });

  it('take a weekday as the next such day, never the start day itself', () => {
    expect(resolveDay('friday', wednesday)).toBe('2026-11-27');
    expect(resolveDay('Wednesday', wednesday)).toBe('2026-12-02');
    expect(resolveDay('mon', wednesday)).toBe('2026-11-30');
  });

  it('know what is not a day', () => {
    expect(['next week', 'fri 3pm', '2026-13-01', '+d'].some(isDayExpression)).toBe(false);
    expect(() => resolveDay('someday', wednesday)).toThrow(/is not a day/);
  });
});
