import { fold } from '../domain/nlu/normalise';
import { expandDays, resolveDay } from './days';
import type { BookingExpectation, Expectation } from './format';

export interface ReplyView { text: string; options?: { id: string; label: string }[] }
export type ChangeKind = BookingExpectation['action'];
/** A booking that appeared, moved or was cancelled during one step, in the tenant's local time. */
export interface BookingChange { action: ChangeKind; service: string; date: string; time: string }
/** What one step produced: the assistant's replies, booking changes, and who holds the conversation. */
export interface Observation { replies: ReplyView[]; changes: BookingChange[]; handedOff?: boolean }
export interface Check { ok: boolean; expected: string; actual?: string }

/** Case-, accent- and spacing-insensitive form used by every text comparison. */
export const loose = (text: string) => fold(text).replace(/\s+/gu, ' ').trim();

export const describeChange = (c: BookingChange) => `${c.action}: ${c.service} on ${c.date} at ${c.time}`;

/** Where relative days start, and how the assistant writes a day (for `{friday}` placeholders). */
export interface Calendar { startDate: string; dayLabel(date: string): string }

/** Checks one step's expectations against what happened. */
export function checkStep(expect: Expectation, seen: Observation, calendar: Calendar): Check[] {
  const { startDate } = calendar;
  const written = (text: string) => expandDays(text, startDate, calendar.dayLabel);
  const options = seen.replies.flatMap((r) => r.options ?? []);
  const labels = options.map((o) => o.label);
  const said = loose([...seen.replies.map((r) => r.text), ...labels].join('\n'));
  const changes = seen.changes.map(describeChange).join('; ') || 'none';
  const checks: Check[] = [];

  for (const text of (expect.mentions ?? []).map(written)) checks.push({ ok: said.includes(loose(text)), expected: `mentions "${text}"` });
  for (const text of (expect.notMentions ?? []).map(written)) checks.push({ ok: !said.includes(loose(text)), expected: `does not mention "${text}"` });
  if (expect.silent) checks.push({ ok: seen.replies.length === 0, expected: 'no reply', actual: `${seen.replies.length} replies` });
  if (expect.options) checks.push(...optionChecks({ ...expect.options, include: expect.options.include?.map(written) }, labels));
  if (expect.booking) {
    const wanted = expect.booking;
    const matches = seen.changes.length === 1 && matchesChange(wanted, seen.changes[0]!, startDate);
    checks.push({ ok: matches, expected: `booking ${describeWanted(wanted, startDate)}`, actual: `booking changes: ${changes}` });
  }
  if (expect.noBooking) checks.push({ ok: seen.changes.length === 0, expected: 'no booking created, moved or cancelled', actual: `booking changes: ${changes}` });
  if (expect.handedOff !== undefined) {
    const who = (human: boolean | undefined) => (human ? 'with a person' : 'with the assistant');
    checks.push({ ok: seen.handedOff === expect.handedOff, expected: `conversation ${who(expect.handedOff)}`, actual: who(seen.handedOff) });
  }
  return checks;
}

function optionChecks(expect: NonNullable<Expectation['options']>, labels: string[]): Check[] {
  const actual = labels.length ? `${labels.length} options: ${labels.join(' | ')}` : 'no options';
  const checks: Check[] = [];
  if (expect.count !== undefined) checks.push({ ok: labels.length === expect.count, expected: `${expect.count} options`, actual });
  if (expect.min !== undefined) checks.push({ ok: labels.length >= expect.min, expected: `at least ${expect.min} options`, actual });
  if (expect.max !== undefined) checks.push({ ok: labels.length <= expect.max, expected: `at most ${expect.max} options`, actual });
  for (const label of expect.include ?? []) {
    checks.push({ ok: labels.some((l) => loose(l).includes(loose(label))), expected: `an option "${label}"`, actual });
  }
  return checks;
}

function matchesChange(wanted: BookingExpectation, change: BookingChange, startDate: string): boolean {
  return change.action === wanted.action
    && (!wanted.service || loose(change.service).includes(loose(wanted.service)))
    && (!wanted.on || change.date === resolveDay(wanted.on, startDate))
    && (!wanted.at || change.time === wanted.at);
}

function describeWanted(wanted: BookingExpectation, startDate: string): string {
  const on = wanted.on ? ` on ${resolveDay(wanted.on, startDate)}${wanted.on === resolveDay(wanted.on, startDate) ? '' : ` (${wanted.on})`}` : '';
  return `${wanted.action}${wanted.service ? `: ${wanted.service}` : ''}${on}${wanted.at ? ` at ${wanted.at}` : ''}`;
}
