import { describe, expect, it } from 'vitest';
import { searchable, searchKind } from './search';
import { detailsPatch, erasureOf, formOf } from './profile';

describe('the customer search', () => {
  it.each([
    ['', 'empty'], ['   ', 'empty'], ['Ana', 'name'], ['ana torres', 'name'], ['José 4321', 'name'],
    ['4321', 'digits'], ['55 4321', 'digits'], ['123', 'too_few_digits'], ['+54 9 11 5555-4321', 'phone'], ['1155554321', 'phone'],
    ['ana@example.com', 'email'], ['ana@', 'partial_email'], ['@example', 'partial_email'], ['--', 'empty'],
  ])('reads %j as %s', (query, kind) => {
    expect(searchKind(query)).toBe(kind);
  });

  it('sends only what can match', () => {
    expect(searchable('name')).toBe(true);
    expect(searchable('digits')).toBe(true);
    expect(searchable('too_few_digits')).toBe(false);
    expect(searchable('partial_email')).toBe(false);
    expect(searchable('empty')).toBe(false);
  });
});

describe('the customer profile', () => {
  const ana = { name: 'Ana Torres', phone: '+5491155554321', email: null };

  it('sends only the details that changed; an emptied one is cleared', () => {
    expect(detailsPatch(ana, formOf(ana))).toEqual({});
    expect(detailsPatch(ana, { ...formOf(ana), name: '  Ana María Torres ' })).toEqual({ name: 'Ana María Torres' });
    expect(detailsPatch(ana, { ...formOf(ana), phone: '', email: 'ana@example.com' })).toEqual({ phone: null, email: 'ana@example.com' });
  });

  it('finds the contact’s pending erasure request, else the latest', () => {
    const r = (id: string, contactId: string, status: 'pending' | 'rejected' | 'completed', at: string) => ({ id, contactId, status, requestedAt: at });
    const all = [r('a', 'c1', 'rejected', '2026-11-01T10:00:00Z'), r('b', 'c2', 'pending', '2026-11-02T10:00:00Z'), r('c', 'c1', 'pending', '2026-11-03T10:00:00Z')];
    expect(erasureOf(all, 'c1')).toEqual({ pending: all[2], latest: all[2] });
    expect(erasureOf(all.slice(0, 2), 'c1')).toEqual({ latest: all[0] });
    expect(erasureOf(all, 'c3')).toEqual({});
  });
});
