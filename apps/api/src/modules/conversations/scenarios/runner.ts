import { DAY_MS, localDate, wallClockToInstant } from '../../../shared/time/zone';
import { openChat, tenantApi, type TenantApi } from './api';
import { dayLabel, resolveDay } from './days';
import { checkStep, loose, type Calendar, type Check, type ReplyView } from './expect';
import type { Scenario, SetupBooking, Step } from './format';
import type { Instance } from './instance';
import type { ScenarioFile } from './load';

export interface StepResult { number: number; sent: string; replies: ReplyView[]; checks: Check[]; error?: string }
export interface ScenarioResult {
  file: string;
  name: string;
  /** The instant the scenario started from, and whether it was the scenario's fixed `now`. */
  startedAt: number;
  fixedClock: boolean;
  greeting: ReplyView[];
  steps: StepResult[];
  notRun: number;
  error?: string;
  /** Why it did not run (inProcessOnly against a running instance); a skipped scenario has not failed. */
  skipped?: string;
  passed: boolean;
}

const stepPassed = (s: StepResult) => !s.error && s.checks.every((c) => c.ok);

/**
 * Runs one scenario from a clean business: books its setup, talks through the web chat, checks
 * each step, and finally cancels every booking that appeared while it ran (and, in process,
 * drops leftover holds) so the next scenario sees the same availability.
 */
export async function runScenario(instance: Instance, { file, scenario }: ScenarioFile): Promise<ScenarioResult> {
  const fixed = scenario.now && instance.setClock ? Date.parse(scenario.now) : undefined;
  instance.setClock?.(fixed);
  const startedAt = fixed ?? Date.now();
  const result: ScenarioResult = { file, name: scenario.name, startedAt, fixedClock: fixed !== undefined, greeting: [], steps: [], notRun: 0, passed: false };
  if (scenario.inProcessOnly && !instance.setClock) {
    return { ...result, notRun: scenario.steps.length, passed: true, skipped: 'needs its fixed clock (inProcessOnly): runs in process only' };
  }
  let api: TenantApi | undefined;
  let baseline: Awaited<ReturnType<TenantApi['bookings']>> | undefined;
  try {
    api = await tenantApi(instance.http, await instance.apiKey(scenario.blueprint));
    baseline = await api.bookings(startedAt - DAY_MS);
    const startDate = localDate(startedAt, api.tenant.timeZone);
    for (const booking of scenario.setup?.bookings ?? []) await book(api, booking, startDate);
    await talk(instance, api, scenario, { startDate, dayLabel: (date) => dayLabel(date, api!.tenant.locale) }, result);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    if (api && baseline) await cleanUp(instance, api, baseline, startedAt).catch((err: unknown) => { result.error ??= `clean-up failed: ${String(err)}`; });
  }
  result.notRun = scenario.steps.length - result.steps.length;
  result.passed = !result.error && result.notRun === 0 && result.steps.every(stepPassed);
  return result;
}

async function book(api: TenantApi, booking: SetupBooking, startDate: string): Promise<void> {
  const start = wallClockToInstant(resolveDay(booking.on, startDate), booking.at, api.tenant.timeZone, 'start');
  await api.createBooking({ serviceId: api.serviceId(booking.service), start: new Date(start).toISOString(), customer: booking.customer })
    .catch((err: unknown) => { throw new Error(`setup booking ${booking.service} ${booking.on} ${booking.at} failed: ${String(err)}`); });
}

/** The conversation itself: each step's message, the replies, and the checks; stops at the first failing step. */
async function talk(instance: Instance, api: TenantApi, scenario: Scenario, calendar: Calendar, result: ScenarioResult) {
  const chat = await openChat(instance.http, scenario.blueprint);
  result.greeting = chat.greeting;
  let shown = chat.greeting.flatMap((r) => r.options ?? []);
  let before = await api.bookings(result.startedAt - DAY_MS);
  for (const [i, step] of scenario.steps.entries()) {
    const sent = messageFor(step, shown);
    if (sent.error !== undefined) {
      result.steps.push({ number: i + 1, sent: `(choose ${String(step.choose)})`, replies: [], checks: [], error: sent.error });
      return;
    }
    const replies = await chat.send(sent.text);
    const after = await api.bookings(result.startedAt - DAY_MS);
    const handedOff = step.expect.handedOff === undefined ? undefined : await api.handedOff(chat.id);
    const checks = checkStep(step.expect, { replies, changes: api.changes(before, after), handedOff }, calendar);
    const stepResult = { number: i + 1, sent: sent.text, replies, checks };
    result.steps.push(stepResult);
    if (!stepPassed(stepResult)) return;
    before = after;
    const options = replies.flatMap((r) => r.options ?? []);
    if (options.length) shown = options;
  }
}

/** `say` as written; `choose` sends the label of the n-th (or the matching) option, as the chat page does. */
function messageFor(step: Step, shown: { label: string }[]): { text: string; error?: undefined } | { error: string } {
  if (step.say !== undefined) return { text: step.say };
  const listed = shown.length ? shown.map((o, i) => `${i + 1}. ${o.label}`).join(' | ') : 'none';
  const option = typeof step.choose === 'number'
    ? shown[step.choose - 1]
    : shown.find((o) => loose(o.label).includes(loose(String(step.choose))));
  return option ? { text: option.label } : { error: `no option ${JSON.stringify(step.choose)} to choose; options shown: ${listed}` };
}

async function cleanUp(instance: Instance, api: TenantApi, baseline: Map<string, { id: string }>, startedAt: number) {
  const now = await api.bookings(startedAt - DAY_MS);
  const added = [...now.values()].filter((b) => !baseline.has(b.id) && b.status !== 'cancelled');
  for (const booking of added) await api.cancelBooking(booking.id);
  await instance.expireHolds?.(api.tenant.id);
}

/** Runs scenarios one after another (they share the businesses), reporting each as it finishes. */
export async function runScenarios(instance: Instance, files: ScenarioFile[], onResult?: (r: ScenarioResult) => void): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const file of files) {
    const result = await runScenario(instance, file);
    onResult?.(result);
    results.push(result);
  }
  instance.setClock?.(undefined);
  return results;
}
