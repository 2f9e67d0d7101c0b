import { describe, expect, it } from 'vitest';
import { flowReducer, initialState, presetFrom, servicesFor, stepsFor, type FlowState, type Preset } from './flow';

// BarberPro-like: a cut by any of three barbers, a colouring by one only, a shave by Martín or Diego.
const services = [
  { id: 'corte', resources: [{ id: 'martin' }, { id: 'diego' }, { id: 'lucas' }] },
  { id: 'color', resources: [{ id: 'lucas' }] },
  { id: 'barba', resources: [{ id: 'martin' }, { id: 'diego' }] },
];

function run(preset: Preset, ...actions: Parameters<ReturnType<typeof flowReducer>>[1][]): FlowState {
  const reduce = flowReducer(services, preset);
  return actions.reduce(reduce, initialState({ preset, services }));
}

describe('the booking steps', () => {
  it('go service → staff → day → time → details → confirm, and back one at a time', () => {
    let s = run({});
    expect(s.step).toBe('service');
    s = run({}, { type: 'service', id: 'corte' }, { type: 'staff', id: 'diego' }, { type: 'day', date: '2026-12-09' },
      { type: 'time', start: '2026-12-09T19:00:00Z' }, { type: 'details', attempt: 'k1' });
    expect(s).toEqual({ step: 'confirm', serviceId: 'corte', resourceId: 'diego', date: '2026-12-09', start: '2026-12-09T19:00:00Z', attempt: 'k1' });
    const reduce = flowReducer(services, {});
    const steps: string[] = [];
    for (let i = 0; i < 6; i++) {
      s = reduce(s, { type: 'back' });
      steps.push(s.step);
    }
    expect(steps).toEqual(['details', 'time', 'day', 'staff', 'service', 'service']);
    expect(s.attempt).toBeUndefined(); // a new confirm step is a new attempt
    expect(s.serviceId).toBe('corte'); // what was chosen stays highlighted
  });

  it('skips the staff step for a service only one person does (anyone is that person)', () => {
    expect(stepsFor(services[1], {})).toEqual(['service', 'day', 'time', 'details', 'confirm']);
    const s = run({}, { type: 'service', id: 'color' });
    expect(s).toMatchObject({ step: 'day', resourceId: null });
    expect(flowReducer(services, {})(s, { type: 'back' }).step).toBe('service');
  });

  it('starts over after another service, but keeps the choices when the same one is chosen again', () => {
    const chosen = run({}, { type: 'service', id: 'corte' }, { type: 'staff', id: 'martin' }, { type: 'day', date: '2026-12-09' });
    const reduce = flowReducer(services, {});
    const again = reduce(reduce(reduce(chosen, { type: 'back' }), { type: 'back' }), { type: 'service', id: 'corte' });
    expect(again).toMatchObject({ step: 'staff', resourceId: 'martin', date: '2026-12-09' });
    const other = reduce(again, { type: 'back' });
    expect(reduce(other, { type: 'service', id: 'barba' })).toEqual({ step: 'staff', serviceId: 'barba', resourceId: null });
  });

  it('forgets the day and time when the person changes, and the time when the day does', () => {
    const reduce = flowReducer(services, {});
    const atTime = run({}, { type: 'service', id: 'corte' }, { type: 'staff', id: null }, { type: 'day', date: '2026-12-09' }, { type: 'time', start: 'x' });
    expect(reduce(atTime, { type: 'staff', id: 'lucas' })).toEqual({ step: 'day', serviceId: 'corte', resourceId: 'lucas' });
    expect(reduce(atTime, { type: 'day', date: '2026-12-10' })).toEqual({ step: 'time', serviceId: 'corte', resourceId: null, date: '2026-12-10' });
  });

  it('ignores a person the service does not have, and a service the business does not offer', () => {
    const s = run({}, { type: 'service', id: 'barba' });
    const reduce = flowReducer(services, {});
    expect(reduce(s, { type: 'staff', id: 'lucas' })).toBe(s);
    expect(reduce(s, { type: 'service', id: 'nope' })).toBe(s);
  });

  it('goes back to the times of the same day when the chosen time was taken meanwhile', () => {
    const s = run({}, { type: 'service', id: 'color' }, { type: 'day', date: '2026-12-09' }, { type: 'time', start: 'x' }, { type: 'details', attempt: 'k' });
    expect(flowReducer(services, {})(s, { type: 'retime' })).toEqual({ step: 'time', serviceId: 'color', resourceId: null, date: '2026-12-09' });
  });
});

describe('a link that fixes the service or the person', () => {
  it('reads ?service= and ?staff=, keeping only what the business offers together', () => {
    expect(presetFrom('?service=corte&staff=diego', services)).toEqual({ serviceId: 'corte', resourceId: 'diego' });
    expect(presetFrom('service=color&staff=diego', services)).toEqual({ serviceId: 'color' }); // Diego does not colour
    expect(presetFrom('?staff=lucas', services)).toEqual({ resourceId: 'lucas' });
    expect(presetFrom('?service=unknown&staff=nobody', services)).toEqual({});
    expect(presetFrom('', services)).toEqual({});
  });

  it('with the service fixed, starts at the person (or the day when there is no choice)', () => {
    expect(run({ serviceId: 'corte' }).step).toBe('staff');
    expect(run({ serviceId: 'color' }).step).toBe('day');
    expect(run({ serviceId: 'corte', resourceId: 'martin' })).toEqual({ step: 'day', serviceId: 'corte', resourceId: 'martin' });
    expect(flowReducer(services, { serviceId: 'corte' })(run({ serviceId: 'corte' }), { type: 'back' }).step).toBe('staff');
  });

  it('with the person fixed, offers only their services and never asks who', () => {
    expect(servicesFor(services, { resourceId: 'lucas' }).map((s) => s.id)).toEqual(['corte', 'color']);
    const s = run({ resourceId: 'lucas' }, { type: 'service', id: 'corte' });
    expect(s).toEqual({ step: 'day', serviceId: 'corte', resourceId: 'lucas' });
    expect(flowReducer(services, { resourceId: 'lucas' })(s, { type: 'staff', id: null })).toBe(s);
  });
});
