import { z } from 'zod';
import { badPlaceholders, DAY_VOCABULARY, isDayExpression } from './days';

/** The scenario file format (YAML or JSON); see docs/scenarios.md. */
const Text = z.string({ error: (issue) => (typeof issue.input === 'number' ? 'write numbers as text, in quotes (e.g. "812")' : undefined) })
  .trim().min(1);
/** Text to look for in replies; `{friday}` stands for that day as the assistant writes it. */
const Said = Text.refine((t) => !badPlaceholders(t).length, { message: `a {placeholder} must be a day: ${DAY_VOCABULARY}` });
const Day = z.string().refine(isDayExpression, { message: `use ${DAY_VOCABULARY}` });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24 h), e.g. "15:00"');

const BookingExpectation = z.strictObject({
  action: z.enum(['created', 'rescheduled', 'cancelled']),
  service: Text.optional(),
  on: Day.optional(),
  at: Time.optional(),
});

const OptionsExpectation = z.strictObject({
  count: z.int().min(0).optional(),
  min: z.int().min(0).optional(),
  max: z.int().min(0).optional(),
  include: z.array(Said).optional(),
});

const Expectation = z.strictObject({
  mentions: z.array(Said).optional(),
  notMentions: z.array(Said).optional(),
  options: OptionsExpectation.optional(),
  booking: BookingExpectation.optional(),
  noBooking: z.literal(true).optional(),
  handedOff: z.boolean().optional(),
  silent: z.literal(true).optional(),
}).refine((e) => !(e.booking && e.noBooking), { message: 'expect either booking or noBooking, not both', path: ['noBooking'] })
  .refine((e) => !(e.silent && (e.mentions?.length || e.options)), { message: 'a silent step has no mentions or options', path: ['silent'] });

const Step = z.strictObject({
  say: Text.optional(),
  choose: z.union([z.int().min(1), Text]).optional(),
  expect: Expectation.default({}),
}).refine((s) => (s.say === undefined) !== (s.choose === undefined), {
  message: 'give exactly one of say (a message) or choose (an option number or label)', path: ['say'],
});

const SetupBooking = z.strictObject({
  service: Text,
  on: Day,
  at: Time,
  customer: z.strictObject({
    name: Text,
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'use an E.164 number such as +5511987654321').optional(),
    email: z.email().optional(),
  }),
});

export const Scenario = z.strictObject({
  name: Text,
  blueprint: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use the tenant slug, e.g. kumon-vila-a'),
  description: z.string().optional(),
  now: z.iso.datetime({ offset: true, message: 'use an ISO instant such as 2026-11-25T13:00:00Z' }).optional(),
  /** Meaningful only at its `now` (e.g. a notice period): skipped against a running instance. */
  inProcessOnly: z.boolean().default(false),
  setup: z.strictObject({ bookings: z.array(SetupBooking).default([]) }).optional(),
  steps: z.array(Step).min(1, 'a scenario needs at least one step'),
});

export type Scenario = z.infer<typeof Scenario>;
export type Step = Scenario['steps'][number];
export type Expectation = Step['expect'];
export type BookingExpectation = z.infer<typeof BookingExpectation>;
export type SetupBooking = z.infer<typeof SetupBooking>;

/** `steps[2].expect.booking.on` — the same path style as the API's validation errors. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

export class ScenarioFormatError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ScenarioFormatError';
  }
}

/** Validates parsed YAML/JSON; every problem names its field path. */
export function validateScenario(file: string, data: unknown): Scenario {
  const parsed = Scenario.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ScenarioFormatError(file, parsed.error.issues.map((i) => `${fieldPath(i.path) || '(file)'}: ${i.message}`));
}
