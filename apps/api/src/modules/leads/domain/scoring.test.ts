import { describe, expect, it } from 'vitest';
import type { LeadSettings } from '@frontdesk/contracts';
import { scoreLead, type LeadSignals } from './scoring';
import { withDefaults } from './defaults';

// Flexoraa's and Kumon's settings as their blueprints give them.
const flexoraa: LeadSettings = withDefaults({
  weights: { fit: 25, intent: 15, budget: 25, timeline: 20, engagement: 15 },
  thresholds: { hot: 70, warm: 40 },
  budgetBands: [{ monthlyAtLeast: 100_000, points: 100 }, { monthlyAtLeast: 40_000, points: 80 }, { monthlyAtLeast: 20_000, points: 50 }, { monthlyAtLeast: 5_000, points: 20 }],
  fields: { need: 'need', budget: 'budget', timeline: 'timeline', decision_role: 'decision_role', company_size: 'company_size' },
  fit: { companySize: { min: 10, max: 2000 } },
});
const kumon: LeadSettings = withDefaults({
  weights: { fit: 40, intent: 35, budget: 0, timeline: 10, engagement: 15 },
  thresholds: { hot: 80, warm: 45 },
  budgetBands: [],
  fields: { guardian_name: 'detail', student_name: 'detail', student_age: 'age', school_year: 'detail', subjects: 'detail', phone: 'detail', email: 'detail', heard_from: 'detail' },
  fit: { age: { min: 3, max: 17 } },
});
const inr = { settings: flexoraa, currency: 'INR', locale: 'en-IN' };
const brl = { settings: kumon, currency: 'BRL', locale: 'pt-BR' };
const lead = (over: Partial<LeadSignals>): LeadSignals => ({ fields: {}, intents: [], booked: false, customerMessages: 0, medianReplySeconds: null, ...over });
const flexFields = (need: string, budget: string, timeline: string, role: string, size: string) =>
  ({ contact_name: 'Priya', need, budget, timeline, decision_role: role, company_size: size });

describe('Flexoraa leads (en-IN)', () => {
  it.each([
    ['founder, big budget, this week', flexFields('WhatsApp lead follow-up for our clinics', '₹1,50,000 a month', 'this week, urgent', "I'm the founder", 'about 40 people'), ['book'], 'hot'],
    ['director with a lakh a month within a month', flexFields('automate replies on Instagram and email', '1 lakh per month', 'within a month', 'Director of sales', '250 employees'), ['book', 'ask_price'], 'hot'],
    ['CEO, 6 lakh a year, next quarter', flexFields('a sales pipeline for our inbound leads', 'INR 6,00,000 annually', 'next quarter', 'CEO', '120'), ['book'], 'hot'],
    ['manager, 25k, two months', flexFields('follow up leads from our website', '25k a month', 'in 2 months', 'marketing manager', '30 people'), ['book'], 'warm'],
    ['shared decision, small budget, soon', flexFields('WhatsApp replies for our gym', '₹10,000 a month', 'next week', 'I decide with my partner', '8 people'), ['book'], 'warm'],
    ['vague, no budget, exploring', flexFields('not sure yet, just exploring options', 'no budget yet', 'just exploring', 'my boss decides', 'small team'), ['book'], 'cold'],
    ['solo, tiny budget, next year', flexFields('a chatbot', '2000 rupees a month', 'next year', 'just me', 'just me'), ['greet'], 'cold'],
  ])('%s → %s', (_name, fields, intents, temperature) => {
    const score = scoreLead(lead({ fields, intents, customerMessages: 7, medianReplySeconds: 40 }), inr);
    expect(score.temperature, JSON.stringify(score)).toBe(temperature);
    expect(score.factors.map((f) => f.factor)).toEqual(['fit', 'intent', 'budget', 'timeline', 'engagement']);
  });

  it('explains each factor with the signals that moved it', () => {
    const score = scoreLead(lead({ fields: flexFields('WhatsApp lead follow-up for our clinics', '₹50,000 a month', 'within a month', 'I decide, with our CFO', 'about 40 people'),
      intents: ['book', 'inform'], customerMessages: 7, medianReplySeconds: 30 }), inr);
    const factor = (name: string) => score.factors.find((f) => f.factor === name)!;
    expect(factor('budget')).toEqual({ factor: 'budget', score: 80, weight: 25,
      signals: [{ signal: 'budget_at_least', detail: '₹50,000 a month ≥ ₹40,000', points: 80 }] });
    expect(factor('timeline').signals).toEqual([{ signal: 'timeline_soon', detail: '"within a month"', points: 80 }]);
    expect(factor('fit').signals.map((s) => [s.signal, s.points])).toEqual([['role_shares', 35], ['company_size_in_range', 35], ['need_described', 25]]);
    expect(factor('fit').score).toBe(95);
    expect(factor('intent').signals).toEqual([{ signal: 'asked_to_book', detail: 'asked for a meeting or visit', points: 35 }]);
    expect(factor('engagement').signals.map((s) => s.signal)).toEqual(['customer_messages', 'answered_questions', 'quick_replies']);
    // (25·95 + 15·35 + 25·80 + 20·80 + 15·100) / 100
    expect(score.value).toBe(Math.round((25 * 95 + 15 * 35 + 25 * 80 + 20 * 80 + 15 * 100) / 100));
  });

  it('turns a yearly budget into a monthly one and says so', () => {
    const budget = scoreLead(lead({ fields: { budget: '6 lakh per year' } }), inr).factors.find((f) => f.factor === 'budget')!;
    expect(budget.signals[0]).toEqual({ signal: 'budget_at_least', detail: '₹6,00,000 a year (₹50,000 a month) ≥ ₹40,000', points: 80 });
  });

  it.each([
    ['under every band', '₹2,000 a month', 'budget_below_bands', 0],
    ['in another currency', '$2,000 a month', 'budget_other_currency', 30],
    ['no budget', 'no budget', 'no_budget', 0],
    ['words without an amount', 'depends on the value', 'budget_unclear', 10],
  ])('a budget %s', (_name, text, signal, points) => {
    const budget = scoreLead(lead({ fields: { budget: text } }), inr).factors.find((f) => f.factor === 'budget')!;
    expect(budget.signals).toMatchObject([{ signal, points }]);
  });

  it('an opt-out sinks intent to zero and a booking counts as intent and timing', () => {
    const out = scoreLead(lead({ intents: ['book', 'opt_out'] }), inr).factors.find((f) => f.factor === 'intent')!;
    expect(out.score).toBe(0);
    const booked = scoreLead(lead({ intents: ['book'], booked: true }), inr);
    expect(booked.factors.find((f) => f.factor === 'intent')!.score).toBe(75);
    expect(booked.factors.find((f) => f.factor === 'timeline')!.signals).toMatchObject([{ signal: 'booked_a_time', points: 60 }]);
  });

  it('scores an empty lead 0 and COLD', () => {
    expect(scoreLead(lead({}), inr)).toMatchObject({ value: 0, temperature: 'cold' });
  });
});

describe('Kumon leads (pt-BR)', () => {
  const all = { guardian_name: 'Maria Souza', student_name: 'Pedro', student_age: 'ele tem 8 anos', school_year: '3º ano', subjects: 'matemática e inglês',
    phone: '+5511987654321', email: 'maria.souza@example.com', heard_from: 'Pelo Instagram' };
  it.each([
    ['every field, booked, asked the price', all, ['book', 'ask_price'], true, 'hot'],
    ['every field, booked', all, ['book', 'choose_option'], true, 'hot'],
    ['three fields, booked', { guardian_name: 'Maria', student_name: 'Pedro', student_age: '8' }, ['book'], true, 'warm'],
    ['booked, only the guardian name', { guardian_name: 'Maria Souza' }, ['book'], true, 'warm'],
    ['asked a price only', {}, ['ask_price'], false, 'cold'],
    ['an adult asking a price', { student_age: '35' }, ['ask_price'], false, 'cold'],
  ])('%s → %s', (_name, fields, intents, booked, temperature) => {
    const score = scoreLead(lead({ fields, intents, booked, customerMessages: 10, medianReplySeconds: 60 }), brl);
    expect(score.temperature, JSON.stringify(score)).toBe(temperature);
  });

  it('explains fit by the age and the details given', () => {
    const fit = scoreLead(lead({ fields: { student_age: '8', guardian_name: 'Maria', subjects: 'matemática' } }), brl).factors.find((f) => f.factor === 'fit')!;
    expect(fit.signals).toEqual([
      { signal: 'age_in_range', detail: '8 within 3–17', points: 40 },
      { signal: 'details_given', detail: '2 of 7 details given', points: 17 },
    ]);
    expect(scoreLead(lead({}), brl).factors.find((f) => f.factor === 'budget')).toMatchObject({ weight: 0, score: 0 });
  });
});
