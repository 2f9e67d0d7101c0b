/**
 * What a test-chat reply rests on, read from what the turn recorded: each reply's `sources`
 * (written when the reply was made) and the turn's tool calls. Nothing here guesses from words.
 */

export interface SourceProvenance { source: string; tool: string; faq?: { id: string; question: string } }
export interface ToolCallSummary { tool: string; input: string; output: string }

/** The tool that produces each recorded source (the LLM's tool names; the embedded engine uses the same tools). */
const TOOL_OF_SOURCE: Record<string, string> = {
  'catalogue.prices': 'quote',
  'assistant.price_list': 'quote',
  'catalogue.services': 'list_services',
  'schedules.hours': 'business_info',
  locations: 'business_info',
  'availability.find_slots': 'find_slots',
  'holds.create': 'hold_slot',
  'bookings.create': 'book',
  'bookings.find': 'find_my_bookings',
  'bookings.cancel': 'cancel_booking',
  'bookings.reschedule': 'reschedule_booking',
  'bookings.policy': 'cancellation_policy',
  llm: 'llm',
};

/** The embedded engine's commands, named like the LLM tools that run them. */
const TOOL_OF_COMMAND: Record<string, string> = {
  find_slots: 'find_slots', hold: 'hold_slot', book: 'book', release_hold: 'release_hold', find_bookings: 'find_my_bookings',
  cancel_booking: 'cancel_booking', reschedule_booking: 'reschedule_booking', hand_off: 'hand_off',
  confirm_attendance: 'confirm_attendance', record_rating: 'record_rating', request_erasure: 'request_erasure',
};

export function sourceProvenance(source: string, faq: readonly { id: string; question: string }[]): SourceProvenance {
  if (source.startsWith('knowledge.')) {
    const id = source.slice('knowledge.'.length);
    const entry = faq.find((f) => f.id === id);
    return { source, tool: 'search_knowledge', faq: { id, question: entry?.question ?? id } };
  }
  return { source, tool: TOOL_OF_SOURCE[source] ?? source };
}

const MAX = 240;
/** A compact, one-line rendering of a recorded value. */
export function brief(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function withoutKind(value: Record<string, unknown>): Record<string, unknown> {
  const { kind: _kind, ...rest } = value;
  return rest;
}

/**
 * The turn's recorded tool calls as staff read them: the model's tool calls (name, arguments,
 * result) and the commands the tools ran against scheduling (name, input, outcome). The model's
 * own completions are bookkeeping and left out.
 */
export function summariseToolCalls(records: readonly unknown[]): ToolCallSummary[] {
  const out: ToolCallSummary[] = [];
  for (const record of records) {
    if (!record || typeof record !== 'object') continue;
    const r = record as { llm?: { tool?: string; arguments?: string; result?: unknown }; command?: { kind?: string }; outcome?: unknown };
    if (r.llm?.tool) {
      out.push({ tool: r.llm.tool, input: brief(r.llm.arguments ?? ''), output: brief(r.llm.result) });
    } else if (r.command?.kind) {
      const outcome = r.outcome as { kind?: string } | undefined;
      out.push({
        tool: TOOL_OF_COMMAND[r.command.kind] ?? r.command.kind,
        input: brief(withoutKind(r.command as Record<string, unknown>)),
        output: outcome?.kind ? brief({ result: outcome.kind, ...withoutKind(outcome as Record<string, unknown>) }) : '',
      });
    }
  }
  return out;
}
