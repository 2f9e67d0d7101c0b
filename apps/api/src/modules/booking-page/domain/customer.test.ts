import { describe, expect, it } from 'vitest';
import { normaliseCustomer } from './customer';

describe("the visitor's phone number", () => {
  it("is read in the business's country unless it gives its own", () => {
    expect(normaliseCustomer({ name: 'Ana', phone: '(11) 98765-4321' }, 'pt-BR')).toEqual({ customer: { name: 'Ana', phone: '+5511987654321' } });
    expect(normaliseCustomer({ name: 'John', phone: '07911 123456' }, 'en-GB')).toEqual({ customer: { name: 'John', phone: '+447911123456' } });
    expect(normaliseCustomer({ name: 'Riya', phone: '98765 43210' }, 'en-IN')).toEqual({ customer: { name: 'Riya', phone: '+919876543210' } });
    expect(normaliseCustomer({ name: 'Ana', phone: '+44 7911 123456' }, 'pt-BR')).toEqual({ customer: { name: 'Ana', phone: '+447911123456' } });
  });

  it('is refused, naming the field, when it is not a number', () => {
    for (const phone of ['123', 'call me', '+99 1234', '0'.repeat(40)]) {
      expect(normaliseCustomer({ name: 'Ana', phone }, 'pt-BR')).toMatchObject({ errors: [{ path: 'customer.phone' }] });
    }
  });

  it('may be left out when an e-mail is given', () => {
    expect(normaliseCustomer({ name: 'Ana', email: 'ana@example.com' }, 'pt-BR')).toEqual({ customer: { name: 'Ana', email: 'ana@example.com' } });
  });
});
