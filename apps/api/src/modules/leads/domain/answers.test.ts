import { describe, expect, it } from 'vitest';
import { parseBudget, saysNoBudget } from './money';
import { describesNeed, parseAge, parseCompanySize, parseDecisionRole, parseTimeline } from './answers';

describe('budgets in free text', () => {
  it.each([
    ['₹50,000 a month', 50_000, 'month', 'INR'],
    ['around 50,000 rupees a month', 50_000, 'month', 'INR'],
    ['Rs 1,00,000 per month', 100_000, 'month', 'INR'],
    ['1.5 lakh monthly', 150_000, 'month', null],
    ['5 lakh per year', 41_667, 'year', null],
    ['INR 6,00,000 annually', 50_000, 'year', 'INR'],
    ['40-60k', 40_000, 'month', null],
    ['between 30k and 50k a month', 30_000, 'month', null],
    ['2 crore a year', 1_666_667, 'year', null],
    ['₹25k/month', 25_000, 'month', 'INR'],
    ['maybe 10000', 10_000, 'month', null],
    ['R$ 1.500 por mês', 1_500, 'month', 'BRL'],
    ['R$ 2 mil por mês', 2_000, 'month', 'BRL'],
    ['uns 18 mil por ano', 1_500, 'year', null],
    ['R$ 750,50 mensais', 751, 'month', 'BRL'],
    ['$2,000 a month', 2_000, 'month', 'USD'],
    ['£500 per week', 2_167, 'week', 'GBP'],
    ['50,000 one-time', 50_000, 'once', null],
  ])('%s → %d a month', (text, monthly, period, currency) => {
    expect(parseBudget(text)).toMatchObject({ monthly, period, currency });
  });
  it.each(['no budget yet', 'not decided', "don't know", 'ainda não sei'])('"%s" states no amount', (text) => {
    expect(parseBudget(text)).toBeNull();
    expect(saysNoBudget(text)).toBe(true);
  });
});

describe('timelines', () => {
  it.each([
    ['ASAP', 'now'], ['this week, it is urgent', 'now'], ['today if possible', 'now'], ['o quanto antes', 'now'], ['essa semana', 'now'],
    ['within a month', 'soon'], ['next week', 'soon'], ['in 2 weeks', 'soon'], ['this month', 'soon'], ['em duas semanas', 'soon'],
    ['next quarter', 'quarter'], ['within 3 months', 'quarter'], ['next month', 'quarter'], ['em 2 meses', 'quarter'], ['in 8 weeks', 'quarter'],
    ['in 6 months', 'later'], ['next year', 'later'], ['ano que vem', 'later'], ['within 9 months', 'later'],
    ['just exploring', 'exploring'], ['not sure, no rush', 'exploring'], ['só pesquisando', 'exploring'],
  ])('%s → %s', (text, tier) => {
    expect(parseTimeline(text)?.tier).toBe(tier);
  });
  it('says nothing about words it does not know', () => expect(parseTimeline('whenever the team is back')).toBeNull());
});

describe('decision roles', () => {
  it.each([
    ["I'm the founder", 'decides'], ['CEO', 'decides'], ['I decide', 'decides'], ['owner of the clinic', 'decides'],
    ['Managing Director', 'decides'], ['sou o dono', 'decides'], ['eu decido', 'decides'],
    ['I decide, with our CFO', 'shares'], ['co-founder, together with my partner', 'shares'],
    ['marketing manager', 'influences'], ['team lead, I shortlist tools', 'influences'],
    ['my boss decides', 'does_not_decide'], ['not me, I need approval', 'does_not_decide'], ['meu chefe', 'does_not_decide'],
    ['not the decision maker', 'does_not_decide'],
  ])('%s → %s', (text, role) => {
    expect(parseDecisionRole(text)).toBe(role);
  });
  it('knows nothing from a bare name', () => expect(parseDecisionRole('Priya')).toBeNull());
});

describe('company size, age, need', () => {
  it.each([['about 40 people', 40], ['10-50', 30], ['1,200 employees', 1200], ['200+', 200], ['just me', 1], ['2k staff', 2000]])('%s → %d', (text, n) => {
    expect(parseCompanySize(text)).toBe(n);
  });
  it('reads no size from words alone', () => expect(parseCompanySize('a small team')).toBeNull());
  it.each([['ele tem 8 anos', 8], ['10', 10], ["she's 12", 12]])('age of "%s" is %d', (text, age) => expect(parseAge(text)).toBe(age));
  it.each([['WhatsApp lead follow-up for our clinics', true], ['not sure yet, just exploring options', false], ['CRM', false], ['no idea', false]])(
    '"%s" describes a need: %s', (text, yes) => expect(describesNeed(text)).toBe(yes));
});
