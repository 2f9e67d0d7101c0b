import { describe, expect, it } from 'vitest';
import { advance, furthest, isQualified, showsInterest } from './stages';
import { activityOf } from './activity';

describe('automatic stage moves', () => {
  it.each([
    ['new', 'engaged', 'engaged'], ['engaged', 'qualified', 'qualified'], ['new', 'booked', 'booked'], ['booked', 'attended', 'attended'],
    ['qualified', 'engaged', null], ['booked', 'qualified', null], ['booked', 'booked', null],
    ['won', 'attended', null], ['lost', 'engaged', null], ['engaged', 'lost', null],
  ] as const)('%s → %s gives %s', (from, to, result) => expect(advance(from, to)).toBe(result));

  it('keeps the further stage when two leads merge', () => {
    expect(furthest('engaged', 'booked')).toBe('booked');
    expect(furthest('lost', 'engaged')).toBe('engaged');
  });
  it('counts a question asked, not a hello', () => {
    expect(['greet', 'thanks', null].map(showsInterest)).toEqual([false, false, false]);
    expect(['book', 'ask_price', 'inform'].map(showsInterest)).toEqual([true, true, true]);
  });
  it('is qualified when every question has an answer', () => {
    expect(isQualified(['a', 'b'], { a: 'x', b: 'y' })).toBe(true);
    expect(isQualified(['a', 'b'], { a: 'x', b: ' ' })).toBe(false);
    expect(isQualified([], {})).toBe(false);
  });
});

describe('customer activity', () => {
  const at = (min: number) => min * 60_000;
  it.each([
    ['a greeting, then one message: not back yet', [['assistant', 0], ['customer', 1]], { customerMessages: 1, cameBack: false, medianReplySeconds: 60 }],
    ['two messages in a row: not back', [['customer', 0], ['customer', 1]], { customerMessages: 2, cameBack: false, medianReplySeconds: null }],
    ['wrote, we answered, wrote again: back', [['customer', 0], ['assistant', 1], ['customer', 4]], { customerMessages: 2, cameBack: true, medianReplySeconds: 180 }],
    ['answers timed from our first unanswered message', [['customer', 0], ['assistant', 1], ['staff', 2], ['customer', 5], ['assistant', 5], ['customer', 6]],
      { customerMessages: 3, cameBack: true, medianReplySeconds: 150 }],
  ] as const)('%s', (_name, messages, expected) => {
    expect(activityOf(messages.map(([author, m]) => ({ author, at: at(m) })))).toEqual(expected);
  });
});
