import type { FieldMeaning, LeadScore, LeadSettings, ScoreFactorName, Temperature } from '@frontdesk/contracts';
import { parseBudget, saysNoBudget } from './money';
import { describesNeed, parseAge, parseCompanySize, parseDecisionRole, parseTimeline, type DecisionRole, type TimelineTier } from './answers';

/** What we know about a lead, as the score sees it. */
export interface LeadSignals {
  fields: Record<string, string>;
  /** Every intent the assistant understood from the customer so far. */
  intents: string[];
  booked: boolean;
  customerMessages: number;
  /** Median seconds between our message and the customer's answer; null before any answer. */
  medianReplySeconds: number | null;
}
export interface ScoringContext { settings: LeadSettings; currency: string; locale: string }
interface Signal { signal: string; detail: string; points: number }

const TIMELINE_POINTS: Record<TimelineTier, number> = { now: 100, soon: 80, quarter: 50, later: 20, exploring: 5 };
const ROLE_POINTS: Record<DecisionRole, number> = { decides: 40, shares: 35, influences: 15, does_not_decide: 5 };
const ROLE_WORDS: Record<DecisionRole, string> = {
  decides: 'makes the decision', shares: 'decides with others', influences: 'influences the decision', does_not_decide: 'someone else decides',
};

const fieldsMeaning = (ctx: ScoringContext, meaning: FieldMeaning) =>
  Object.entries(ctx.settings.fields).filter(([, m]) => m === meaning).map(([key]) => key);
const answer = (signals: LeadSignals, ctx: ScoringContext, meaning: FieldMeaning): string | undefined =>
  fieldsMeaning(ctx, meaning).map((k) => signals.fields[k]?.trim()).find((v) => v);

function money(ctx: ScoringContext, amount: number): string {
  try {
    return new Intl.NumberFormat(ctx.locale, { style: 'currency', currency: ctx.currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${ctx.currency} ${Math.round(amount)}`;
  }
}
const PERIOD_WORDS = { month: 'a month', year: 'a year', week: 'a week', once: 'once' } as const;

function fit(signals: LeadSignals, ctx: ScoringContext): Signal[] {
  const out: Signal[] = [];
  const role = answer(signals, ctx, 'decision_role');
  const parsedRole = role ? parseDecisionRole(role) : null;
  if (parsedRole) out.push({ signal: `role_${parsedRole}`, detail: `"${role}": ${ROLE_WORDS[parsedRole]}`, points: ROLE_POINTS[parsedRole] });
  const sizeText = answer(signals, ctx, 'company_size');
  const size = sizeText ? parseCompanySize(sizeText) : null;
  const target = ctx.settings.fit.companySize;
  if (size !== null && target) {
    const inside = size >= target.min && size <= target.max;
    out.push({ signal: inside ? 'company_size_in_range' : 'company_size_out_of_range',
      detail: `${size} people ${inside ? 'within' : 'outside'} ${target.min}–${target.max}`, points: inside ? 35 : 10 });
  } else if (size !== null) {
    out.push({ signal: 'company_size_known', detail: `${size} people`, points: 20 });
  }
  const need = answer(signals, ctx, 'need');
  if (need) out.push(describesNeed(need) ? { signal: 'need_described', detail: `"${need}"`, points: 25 } : { signal: 'need_vague', detail: `"${need}"`, points: 5 });
  const ageText = answer(signals, ctx, 'age');
  const age = ageText ? parseAge(ageText) : null;
  const ages = ctx.settings.fit.age;
  if (age !== null && ages) {
    const inside = age >= ages.min && age <= ages.max;
    out.push({ signal: inside ? 'age_in_range' : 'age_out_of_range', detail: `${age} ${inside ? 'within' : 'outside'} ${ages.min}–${ages.max}`, points: inside ? 40 : 0 });
  }
  const details = fieldsMeaning(ctx, 'detail');
  const known = details.filter((k) => signals.fields[k]?.trim());
  if (known.length) {
    out.push({ signal: 'details_given', detail: `${known.length} of ${details.length} details given`, points: Math.round((60 * known.length) / details.length) });
  }
  return out;
}

function intent(signals: LeadSignals): Signal[] {
  const seen = new Set(signals.intents);
  const out: Signal[] = [];
  if (seen.has('ask_price')) out.push({ signal: 'asked_price', detail: 'asked about prices', points: 25 });
  if (['book', 'reschedule', 'choose_option'].some((i) => seen.has(i))) out.push({ signal: 'asked_to_book', detail: 'asked for a meeting or visit', points: 35 });
  if (signals.booked) out.push({ signal: 'booked', detail: 'booked a time', points: 40 });
  if (seen.has('ask_human')) out.push({ signal: 'asked_for_a_person', detail: 'asked to talk to a person', points: 10 });
  if (seen.has('opt_out')) out.push({ signal: 'opted_out', detail: 'asked us to stop writing', points: -100 });
  return out;
}

function budget(signals: LeadSignals, ctx: ScoringContext): Signal[] {
  const text = answer(signals, ctx, 'budget');
  if (!text) return [];
  const stated = parseBudget(text);
  if (!stated) return [saysNoBudget(text) ? { signal: 'no_budget', detail: `"${text}"`, points: 0 } : { signal: 'budget_unclear', detail: `"${text}"`, points: 10 }];
  const said = `${money(ctx, stated.amount)} ${PERIOD_WORDS[stated.period]}`;
  if (stated.currency && stated.currency !== ctx.currency) {
    return [{ signal: 'budget_other_currency', detail: `${text.trim()} is not in ${ctx.currency}`, points: 30 }];
  }
  const band = [...ctx.settings.budgetBands].sort((a, b) => b.monthlyAtLeast - a.monthlyAtLeast).find((b) => stated.monthly >= b.monthlyAtLeast);
  if (!ctx.settings.budgetBands.length) return [{ signal: 'budget_stated', detail: said, points: 50 }];
  if (!band) return [{ signal: 'budget_below_bands', detail: `${said} below ${money(ctx, Math.min(...ctx.settings.budgetBands.map((b) => b.monthlyAtLeast)))}`, points: 0 }];
  const monthly = stated.period === 'month' ? '' : ` (${money(ctx, stated.monthly)} a month)`;
  return [{ signal: 'budget_at_least', detail: `${said}${monthly} ≥ ${money(ctx, band.monthlyAtLeast)}`, points: band.points }];
}

function timeline(signals: LeadSignals, ctx: ScoringContext): Signal[] {
  const text = answer(signals, ctx, 'timeline');
  const stated = text ? parseTimeline(text) : null;
  const out: Signal[] = [];
  if (stated) out.push({ signal: `timeline_${stated.tier}`, detail: `"${stated.words}"`, points: TIMELINE_POINTS[stated.tier] });
  else if (text) out.push({ signal: 'timeline_unclear', detail: `"${text}"`, points: 30 });
  if (signals.booked) out.push({ signal: 'booked_a_time', detail: 'has a booking', points: 60 });
  // The strongest statement about timing counts, not their sum.
  const best = out.sort((a, b) => b.points - a.points)[0];
  return best ? [best] : [];
}

function engagement(signals: LeadSignals, ctx: ScoringContext): Signal[] {
  const out: Signal[] = [];
  if (signals.customerMessages) {
    out.push({ signal: 'customer_messages', detail: `${signals.customerMessages} messages`, points: Math.min(40, 8 * signals.customerMessages) });
  }
  const keys = Object.keys(ctx.settings.fields);
  const answered = keys.filter((k) => signals.fields[k]?.trim()).length;
  if (answered) out.push({ signal: 'answered_questions', detail: `${answered} of ${keys.length} questions answered`, points: Math.round((40 * answered) / keys.length) });
  const s = signals.medianReplySeconds;
  if (s !== null && s < 900) out.push({ signal: 'quick_replies', detail: `answers in ${Math.max(1, Math.round(s / 60))} min (median)`, points: s < 120 ? 20 : 10 });
  return out;
}

const total = (signals: Signal[]) => Math.max(0, Math.min(100, signals.reduce((sum, s) => sum + s.points, 0)));

export function temperatureOf(value: number, thresholds: LeadSettings['thresholds']): Temperature {
  return value >= thresholds.hot ? 'hot' : value >= thresholds.warm ? 'warm' : 'cold';
}

/** The lead score: five explained factors, weighted per tenant, and the temperature they give. */
export function scoreLead(signals: LeadSignals, ctx: ScoringContext): LeadScore {
  const byFactor: Record<ScoreFactorName, Signal[]> = {
    fit: fit(signals, ctx), intent: intent(signals), budget: budget(signals, ctx),
    timeline: timeline(signals, ctx), engagement: engagement(signals, ctx),
  };
  const weights = ctx.settings.weights;
  const factors = (Object.keys(byFactor) as ScoreFactorName[]).map((factor) => ({
    factor, score: total(byFactor[factor]), weight: weights[factor], signals: byFactor[factor],
  }));
  const weightSum = factors.reduce((s, f) => s + f.weight, 0) || 1;
  const value = Math.round(factors.reduce((s, f) => s + f.score * f.weight, 0) / weightSum);
  return { value, temperature: temperatureOf(value, ctx.settings.thresholds), factors };
}
