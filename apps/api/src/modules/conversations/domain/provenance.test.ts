import { describe, expect, it } from 'vitest';
import { brief, sourceProvenance, summariseToolCalls } from './provenance';

const faq = [{ id: 'parking', question: 'Tem estacionamento?' }];

describe('provenance of a test-chat reply', () => {
  it('names the FAQ entry an answer came from', () => {
    expect(sourceProvenance('knowledge.parking', faq)).toEqual({ source: 'knowledge.parking', tool: 'search_knowledge', faq: { id: 'parking', question: 'Tem estacionamento?' } });
  });

  it('keeps an FAQ id that is no longer configured, with the id as its question', () => {
    expect(sourceProvenance('knowledge.gone', faq).faq).toEqual({ id: 'gone', question: 'gone' });
  });

  it('names the tool of catalogue and scheduling sources, and passes unknown ones through', () => {
    expect(sourceProvenance('catalogue.prices', faq).tool).toBe('quote');
    expect(sourceProvenance('assistant.price_list', faq).tool).toBe('quote');
    expect(sourceProvenance('availability.find_slots', faq).tool).toBe('find_slots');
    expect(sourceProvenance('schedules.hours', faq).tool).toBe('business_info');
    expect(sourceProvenance('something.new', faq).tool).toBe('something.new');
  });

  it('summarises commands and the model\'s tool calls, leaving out its completions', () => {
    const summary = summariseToolCalls([
      { llm: { model: 'x', usage: {} } },
      { llm: { tool: 'quote', arguments: '{"subjects":["math"]}', result: { quote: '• Mensalidade: R$ 390,00' } } },
      { command: { kind: 'find_slots', serviceId: 's1' }, outcome: { kind: 'slots', offers: [] } },
      { command: { kind: 'release_hold', holdId: 'h' } },
      'junk',
    ]);
    expect(summary).toEqual([
      { tool: 'quote', input: '{"subjects":["math"]}', output: '{"quote":"• Mensalidade: R$ 390,00"}' },
      { tool: 'find_slots', input: '{"serviceId":"s1"}', output: '{"result":"slots","offers":[]}' },
      { tool: 'release_hold', input: '{"holdId":"h"}', output: '' },
    ]);
  });

  it('shortens long values', () => {
    expect(brief('x'.repeat(500))).toHaveLength(240);
    expect(brief(undefined)).toBe('');
  });
});
