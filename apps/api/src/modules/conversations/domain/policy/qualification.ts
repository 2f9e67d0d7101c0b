import type { Intent, Understanding } from '../nlu/types';
import type { ConversationState, PolicyContext, QualificationField } from './types';

/** Requests and questions: a message like these is not a bare answer ("quero marcar" is nobody's name). */
const NOT_AN_ANSWER = new Set<Intent>([
  'book', 'cancel', 'reschedule', 'ask_price', 'ask_hours', 'ask_location', 'ask_services', 'ask_human', 'opt_out', 'erase_data', 'goodbye', 'greet',
]);
export const mayBeBareAnswer = (u: Understanding) => !NOT_AN_ANSWER.has(u.intent);

/** What a message says for one field, if anything (a bare name or free text only when that field was asked). */
function valueFor(field: QualificationField, u: Understanding, text: string, askedField: boolean): string | undefined {
  const e = u.entities;
  const asked = askedField && mayBeBareAnswer(u);
  switch (field.kind) {
    case 'phone': return e.phone;
    case 'email': return e.email;
    case 'age': return e.age !== undefined ? String(e.age) : asked && /^\s*\d{1,2}\s*$/.test(text) ? text.trim() : undefined;
    case 'school_year': return e.schoolYear ?? (asked && text.trim() ? text.trim() : undefined);
    case 'subjects': {
      const names = e.subjects.filter((m) => m.score >= 0.6).map((m) => m.name);
      return names.length ? names.join(', ') : undefined;
    }
    case 'name': return asked ? (e.personName ?? (looksLikeName(text) ? text.trim() : undefined)) : undefined;
    case 'text': return asked && text.trim() ? text.trim().slice(0, 500) : undefined;
  }
}

export function looksLikeName(text: string): boolean {
  return /^\p{L}[\p{L}'’.-]*(\s+\p{L}[\p{L}'’.-]*){0,4}$/u.test(text.trim());
}

/**
 * Keeps every qualification answer the message gives: the field just asked, and any other
 * field the message fills unambiguously (a phone, an email, an age, subjects) — so nothing is
 * asked twice.
 */
export function rememberFields(state: ConversationState, u: Understanding, text: string, ctx: PolicyContext): ConversationState {
  const fields = { ...state.fields };
  for (const field of ctx.qualification ?? []) {
    if (fields[field.key]) continue;
    if (field.bookingName && state.customer.name) {
      fields[field.key] = state.customer.name;
      continue;
    }
    const asked = state.stage === 'qualifying' && state.askingField === field.key;
    const value = valueFor(field, u, text, asked);
    if (value) fields[field.key] = value;
  }
  const nameField = (ctx.qualification ?? []).find((f) => f.bookingName && fields[f.key]);
  return {
    ...state, fields,
    customer: {
      ...state.customer,
      ...(nameField ? { name: fields[nameField.key] } : {}),
      ...(state.customer.phone ? {} : phoneOf(ctx, fields)),
      ...(state.customer.email ? {} : emailOf(ctx, fields)),
    },
  };
}

const phoneOf = (ctx: PolicyContext, fields: Record<string, string>) => {
  const f = (ctx.qualification ?? []).find((q) => q.kind === 'phone' && fields[q.key]);
  return f ? { phone: fields[f.key] } : {};
};
const emailOf = (ctx: PolicyContext, fields: Record<string, string>) => {
  const f = (ctx.qualification ?? []).find((q) => q.kind === 'email' && fields[q.key]);
  return f ? { email: fields[f.key] } : {};
};

/** The next question to ask, or undefined when everything is known. */
export function nextQuestion(state: ConversationState, ctx: PolicyContext): { key: string; text: string } | undefined {
  const field = (ctx.qualification ?? []).find((f) => !state.fields[f.key] && !(f.bookingName && state.customer.name));
  if (!field) return undefined;
  const text = field.ask[state.lang] ?? field.ask.pt ?? field.ask.es ?? field.ask.en ?? field.key;
  return { key: field.key, text };
}
