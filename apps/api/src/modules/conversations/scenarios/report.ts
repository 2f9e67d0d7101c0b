import type { ReplyView } from './expect';
import type { ScenarioResult, StepResult } from './runner';

const OK = '✓';
export const scenarios = (n: number) => `${n} ${n === 1 ? 'scenario' : 'scenarios'}`;
const FAIL = '✗';
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ⏎ ');

function replyLines(replies: ReplyView[], indent: string): string[] {
  if (!replies.length) return [`${indent}(no reply)`];
  return replies.flatMap((r) => [
    `${indent}« ${oneLine(r.text)}`,
    ...(r.options?.length ? [`${indent}  [options: ${r.options.map((o) => o.label).join(' | ')}]`] : []),
  ]);
}

function stepLines(step: StepResult): string[] {
  const failed = step.error !== undefined || step.checks.some((c) => !c.ok);
  const head = `  ${failed ? FAIL : OK} ${step.number} » ${oneLine(step.sent)}`;
  if (!failed) return [head];
  return [
    head,
    ...(step.error ? [`      error: ${step.error}`] : []),
    ...step.checks.filter((c) => !c.ok).map((c) => `      expected ${c.expected}${c.actual ? `; got ${c.actual}` : ''}`),
    ...(step.error && !step.replies.length ? [] : ['      replies:', ...replyLines(step.replies, '        ')]),
  ];
}

/** One scenario: its steps with ✓/✗, and for a failing step what was expected and what the assistant said. */
export function formatResult(r: ScenarioResult): string {
  if (r.skipped) return `– ${r.file} — ${r.name}\n  skipped: ${r.skipped}`;
  const clock = `${r.fixedClock ? 'clock fixed at' : 'real clock from'} ${new Date(r.startedAt).toISOString()}`;
  return [
    `${r.passed ? OK : FAIL} ${r.file} — ${r.name}  (${clock})`,
    ...r.steps.flatMap(stepLines),
    ...(r.notRun ? [`  · ${r.notRun} more ${r.notRun === 1 ? 'step' : 'steps'} not run`] : []),
    ...(r.error ? [`  error: ${r.error}`] : []),
  ].join('\n');
}

/** The last lines: how many passed, and which failed where. */
export function formatSummary(results: ScenarioResult[]): string {
  const failed = results.filter((r) => !r.passed);
  const skipped = results.filter((r) => r.skipped).length;
  const where = (r: ScenarioResult) => {
    const step = r.steps.find((s) => s.error !== undefined || s.checks.some((c) => !c.ok));
    return step ? `step ${step.number}` : 'before the conversation';
  };
  return [
    `${scenarios(results.length)}: ${results.length - failed.length - skipped} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''}`,
    ...failed.map((r) => `  ${FAIL} ${r.file} (${where(r)}) — ${r.name}`),
  ].join('\n');
}
