import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Blueprint } from '@frontdesk/contracts';

const folder = fileURLToPath(new URL('../../../blueprints/', import.meta.url));
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();

type Parsed = Blueprint;
type Service = Parsed['services'][number];
type Resource = Parsed['resources'][number];
type Weekly = Resource['schedule']['weekly'];
type Interval = [string, string];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const blueprints: { file: string; bp: Parsed }[] = files.map((file) => {
  const raw: unknown = JSON.parse(readFileSync(`${folder}${file}`, 'utf8'));
  const result = Blueprint.safeParse(raw);
  if (!result.success) {
    throw new Error(`${file} is not a valid Blueprint: ${JSON.stringify(result.error.issues, null, 2)}`);
  }
  return { file, bp: result.data };
});

function bySlug(slug: string): Parsed {
  const found = blueprints.find((b) => b.bp.tenant.slug === slug);
  if (!found) throw new Error(`no blueprint with slug ${slug}`);
  return found.bp;
}

function minutes(wall: string): number {
  const [h, m] = wall.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function service(bp: Parsed, key: string): Service {
  const found = bp.services.find((s) => s.key === key);
  if (!found) throw new Error(`${bp.tenant.slug}: no service ${key}`);
  return found;
}

function expectWeekly(weekly: Weekly, open: readonly (typeof WEEKDAYS)[number][], intervals: Interval[]): void {
  for (const day of WEEKDAYS) {
    if (open.includes(day)) expect(weekly[day], day).toEqual(intervals);
    else expect(weekly[day] ?? [], day).toEqual([]);
  }
}

function years(bp: Parsed): Set<string> {
  return new Set(bp.holidays.map((h) => h.date.slice(0, 4)));
}

function holidayDates(bp: Parsed): Set<string> {
  return new Set(bp.holidays.map((h) => h.date));
}

function staff(bp: Parsed): Resource[] {
  return bp.resources.filter((r) => r.kind === 'staff');
}

describe('blueprints folder', () => {
  it('holds exactly the four launch tenants, one file each named after its slug', () => {
    expect(blueprints.map((b) => b.bp.tenant.slug).sort()).toEqual(
      ['barberpro-palermo', 'flexoraa', 'kumon-vila-a', 'speedy-van'],
    );
    for (const { file, bp } of blueprints) expect(file).toBe(`${bp.tenant.slug}.json`);
  });

  it.each([
    ['kumon-vila-a', 'pt-BR', 'America/Sao_Paulo', 'BRL'],
    ['barberpro-palermo', 'es-AR', 'America/Argentina/Buenos_Aires', 'ARS'],
    ['speedy-van', 'en-GB', 'Europe/London', 'GBP'],
    ['flexoraa', 'en-IN', 'Asia/Kolkata', 'INR'],
  ])('%s uses locale %s, time zone %s and currency %s', (slug, locale, timeZone, currency) => {
    const { tenant } = bySlug(slug);
    expect(tenant.locale).toBe(locale);
    expect(tenant.timeZone).toBe(timeZone);
    expect(tenant.currency).toBe(currency);
  });
});

describe.each(blueprints.map((b) => [b.bp.tenant.slug, b.bp] as const))('%s integrity', (_slug, bp) => {
  it('has unique location, resource and service keys', () => {
    for (const keys of [bp.locations.map((l) => l.key), bp.resources.map((r) => r.key), bp.services.map((s) => s.key)]) {
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('references only locations and resources that exist', () => {
    const locations = new Set(bp.locations.map((l) => l.key));
    const resources = new Set(bp.resources.map((r) => r.key));
    for (const r of bp.resources) expect(locations.has(r.locationKey), `${r.key} → ${r.locationKey}`).toBe(true);
    for (const s of bp.services) {
      expect(locations.has(s.locationKey), `${s.key} → ${s.locationKey}`).toBe(true);
      for (const req of s.requirements) {
        expect(new Set(req.resourceKeys).size, `${s.key} repeats a resource`).toBe(req.resourceKeys.length);
        expect(req.count, `${s.key} asks for more resources than it lists`).toBeLessThanOrEqual(req.resourceKeys.length);
        for (const key of req.resourceKeys) expect(resources.has(key), `${s.key} → ${key}`).toBe(true);
      }
    }
  });

  it('prices every service (and deposit) in the tenant currency, deposits below the price', () => {
    for (const s of bp.services) {
      expect(s.price.currency, s.key).toBe(bp.tenant.currency);
      if (s.deposit !== null) {
        expect(s.deposit.currency, s.key).toBe(bp.tenant.currency);
        expect(s.deposit.amount, s.key).toBeGreaterThan(0);
        expect(s.deposit.amount, s.key).toBeLessThan(s.price.amount);
      }
    }
  });

  it('has well-formed weekly intervals: start before end, in order, not overlapping', () => {
    for (const r of bp.resources) {
      for (const day of WEEKDAYS) {
        let previousEnd = -1;
        for (const [start, end] of r.schedule.weekly[day] ?? []) {
          expect(minutes(start), `${r.key} ${day}`).toBeLessThan(minutes(end));
          expect(minutes(start), `${r.key} ${day}`).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = minutes(end);
        }
      }
    }
  });

  it('lists holidays for 2026 and 2027, each date once, in order, with a name', () => {
    expect(years(bp)).toEqual(new Set(['2026', '2027']));
    const dates = bp.holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
    for (const h of bp.holidays) {
      expect(h.name.trim().length, h.date).toBeGreaterThan(0);
      // a real calendar day, not just the YYYY-MM-DD shape
      expect(new Date(`${h.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(h.date);
    }
  });
});

describe('Kumon Vila A', () => {
  const bp = bySlug('kumon-vila-a');

  it('has 2 instructors working mon–fri 08:00–12:00 and 14:00–17:00, never at weekends', () => {
    expect(bp.resources).toHaveLength(2);
    expect(staff(bp)).toHaveLength(2);
    for (const r of bp.resources) {
      expectWeekly(r.schedule.weekly, ['mon', 'tue', 'wed', 'thu', 'fri'], [['08:00', '12:00'], ['14:00', '17:00']]);
    }
  });

  it('books a free 60-minute assessment with either instructor, one visit at a time', () => {
    expect(bp.services).toHaveLength(1);
    const [assessment] = bp.services;
    expect(assessment?.durationMinutes).toBe(60);
    expect(assessment?.price).toEqual({ amount: 0, currency: 'BRL' });
    expect(assessment?.deposit).toBeNull();
    expect(assessment?.capacity).toBe(1);
    expect(assessment?.requirements).toEqual([
      { resourceKeys: bp.resources.map((r) => r.key), count: 1 },
    ]);
  });

  it('closes on the Brazilian national holidays, with the movable ones on the right dates', () => {
    const dates = holidayDates(bp);
    for (const date of [
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-04-03', '2026-04-21', '2026-05-01', '2026-06-04',
      '2026-09-07', '2026-10-12', '2026-11-02', '2026-11-15', '2026-11-20', '2026-12-25',
      '2027-01-01', '2027-02-08', '2027-02-09', '2027-03-26', '2027-04-21', '2027-05-01', '2027-05-27',
      '2027-09-07', '2027-10-12', '2027-11-02', '2027-11-15', '2027-11-20', '2027-12-25',
    ]) expect(dates.has(date), date).toBe(true);
  });

  it('states the tuition so the assistant can quote it (R$ 375 per subject, R$ 100 enrolment)', () => {
    expect(bp.description).toContain('R$ 375');
    expect(bp.description).toContain('R$ 100');
  });
});

describe('BarberPro Palermo', () => {
  const bp = bySlug('barberpro-palermo');
  const barbers = staff(bp);

  it('has 3 barbers working tue–sat 10:00–13:00 and 16:00–20:30', () => {
    expect(bp.resources).toHaveLength(3);
    expect(barbers).toHaveLength(3);
    for (const r of barbers) {
      expectWeekly(r.schedule.weekly, ['tue', 'wed', 'thu', 'fri', 'sat'], [['10:00', '13:00'], ['16:00', '20:30']]);
    }
  });

  it('offers corte 30, corte + barba 45, barba 20 and coloración 90 minutes', () => {
    expect(bp.services.map((s) => [s.name, s.durationMinutes])).toEqual([
      ['Corte', 30], ['Corte + barba', 45], ['Barba', 20], ['Coloración', 90],
    ]);
    for (const s of bp.services) expect(s.price.amount, s.key).toBeGreaterThan(0);
  });

  it('lets each barber do a subset of services, every service done by someone', () => {
    const barberKeys = barbers.map((b) => b.key);
    const doneBy = new Map(barberKeys.map((k) => [k, 0]));
    for (const s of bp.services) {
      expect(s.requirements, s.key).toHaveLength(1);
      const [req] = s.requirements;
      expect(req?.count, s.key).toBe(1);
      for (const key of req?.resourceKeys ?? []) doneBy.set(key, (doneBy.get(key) ?? 0) + 1);
    }
    const counts = [...doneBy.values()];
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts.some((n) => n < bp.services.length)).toBe(true);
    expect(bp.services.some((s) => (s.requirements[0]?.resourceKeys.length ?? 0) < barberKeys.length)).toBe(true);
  });

  it('takes a seña on some services (coloración included) and forfeits it within 3 h', () => {
    expect(service(bp, 'coloracion').deposit).not.toBeNull();
    expect(bp.services.some((s) => s.deposit === null)).toBe(true);
    for (const s of bp.services) expect(s.cancellationWindowMinutes, s.key).toBe(180);
  });

  it('closes on Argentine national holidays, movable ones on their observed dates', () => {
    const dates = holidayDates(bp);
    for (const date of [
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-03-24', '2026-04-02', '2026-04-03', '2026-05-01',
      '2026-05-25', '2026-06-15', '2026-06-20', '2026-07-09', '2026-08-17', '2026-10-12', '2026-11-23',
      '2026-12-08', '2026-12-25',
      '2027-01-01', '2027-02-08', '2027-02-09', '2027-03-24', '2027-03-26', '2027-04-02', '2027-05-01',
      '2027-05-25', '2027-06-20', '2027-07-09', '2027-12-08', '2027-12-25',
    ]) expect(dates.has(date), date).toBe(true);
  });
});

describe('Speedy Van', () => {
  const bp = bySlug('speedy-van');
  const vans = bp.resources.filter((r) => r.kind === 'vehicle');
  const crew = staff(bp);

  it('has a small, a medium and a Luton van plus 4 crew, all working 7 days 07:00–20:00', () => {
    expect(vans.map((v) => v.key).sort()).toEqual(['luton-van', 'medium-van', 'small-van']);
    expect(crew).toHaveLength(4);
    expect(bp.resources).toHaveLength(7);
    for (const r of bp.resources) expectWeekly(r.schedule.weekly, WEEKDAYS, [['07:00', '20:00']]);
  });

  it('books one van AND one or two crew for 2–8 hours, with 30 minutes after each job', () => {
    const vanKeys = new Set(vans.map((v) => v.key));
    const crewKeys = crew.map((c) => c.key).sort();
    const vansUsed = new Set<string>();
    for (const s of bp.services) {
      expect(s.durationMinutes, s.key).toBeGreaterThanOrEqual(120);
      expect(s.durationMinutes, s.key).toBeLessThanOrEqual(480);
      expect(s.bufferAfterMinutes, s.key).toBe(30);
      expect(s.deposit, s.key).not.toBeNull();
      expect(s.requirements, s.key).toHaveLength(2);
      const [vanReq, crewReq] = s.requirements;
      expect(vanReq?.count, s.key).toBe(1);
      expect(vanReq?.resourceKeys, s.key).toHaveLength(1);
      const van = vanReq?.resourceKeys[0] ?? '';
      expect(vanKeys.has(van), s.key).toBe(true);
      vansUsed.add(van);
      expect([...(crewReq?.resourceKeys ?? [])].sort(), s.key).toEqual(crewKeys);
      expect([1, 2], s.key).toContain(crewReq?.count);
    }
    expect(vansUsed).toEqual(vanKeys);
  });

  it('closes on England & Wales bank holidays, substitute days included', () => {
    const dates = holidayDates(bp);
    for (const date of [
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]) expect(dates.has(date), date).toBe(true);
  });
});

describe('Flexoraa', () => {
  const bp = bySlug('flexoraa');

  it('has 4 SDRs working mon–sat 10:00–19:00', () => {
    expect(bp.resources).toHaveLength(4);
    expect(staff(bp)).toHaveLength(4);
    for (const r of bp.resources) {
      expectWeekly(r.schedule.weekly, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], [['10:00', '19:00']]);
    }
  });

  it('books a free 30-minute discovery call with any one of the 4 SDRs', () => {
    const call = service(bp, 'discovery-call');
    expect(call.durationMinutes).toBe(30);
    expect(call.slotIntervalMinutes).toBe(30);
    expect(call.price).toEqual({ amount: 0, currency: 'INR' });
    expect(call.requirements).toHaveLength(1);
    expect(call.requirements[0]?.count).toBe(1);
    expect([...(call.requirements[0]?.resourceKeys ?? [])].sort()).toEqual(bp.resources.map((r) => r.key).sort());
  });

  it('closes on the Indian national holidays', () => {
    const dates = holidayDates(bp);
    for (const date of ['2026-01-26', '2026-08-15', '2026-10-02', '2027-01-26', '2027-08-15', '2027-10-02']) {
      expect(dates.has(date), date).toBe(true);
    }
  });
});
