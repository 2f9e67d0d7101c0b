import { describe, expect, it } from 'vitest';
import { checkDetails, customerOf, emptyDetails, firstProblem, problemsFromApi } from './details';

const ana = { ...emptyDetails, name: 'Ana Pérez', phone: '11 5555-0000' };

describe("the visitor's details", () => {
  it('need a name, and a phone or an e-mail', () => {
    expect(checkDetails(ana, false)).toEqual({});
    expect(checkDetails({ ...ana, phone: '', email: 'ana@example.com' }, false)).toEqual({});
    expect(checkDetails({ ...emptyDetails, name: '  ' }, false)).toEqual({ name: 'nameMissing', phone: 'contactMissing' });
  });

  it('refuse what cannot be a phone number or an e-mail address (the API reads the phone properly)', () => {
    expect(checkDetails({ ...ana, phone: '+54 9 11 5555-0000' }, false)).toEqual({});
    expect(checkDetails({ ...ana, phone: '(11) 98765-4321' }, false)).toEqual({});
    expect(checkDetails({ ...ana, phone: 'call me' }, false)).toEqual({ phone: 'phoneInvalid' });
    expect(checkDetails({ ...ana, phone: '123' }, false)).toEqual({ phone: 'phoneInvalid' });
    expect(checkDetails({ ...ana, email: 'ana@' }, false)).toEqual({ email: 'emailInvalid' });
    expect(checkDetails({ ...ana, notes: 'x'.repeat(1001) }, false)).toEqual({ notes: 'notesTooLong' });
  });

  it('need the consent box ticked where the business requires consent', () => {
    expect(checkDetails(ana, true)).toEqual({ consent: 'consentMissing' });
    expect(checkDetails({ ...ana, consent: true }, true)).toEqual({});
    expect(firstProblem({ consent: 'consentMissing', email: 'emailInvalid' })).toBe('email');
  });

  it("put the API's field errors next to their fields", () => {
    const problems = problemsFromApi([{ path: 'customer.phone' }, { path: 'consentAccepted' }, { path: 'customer.email' }, { path: 'other' }], ana);
    expect(problems).toEqual({ phone: 'phoneInvalid', email: 'emailInvalid', consent: 'consentMissing' });
    // The contract's "phone or e-mail" rule names the phone too: with neither given, that is what it means.
    expect(problemsFromApi([{ path: 'customer.phone' }], { ...ana, phone: '' })).toEqual({ phone: 'contactMissing' });
  });

  it('send the customer trimmed, without empty fields', () => {
    expect(customerOf({ ...ana, name: ' Ana ', email: '  ' })).toEqual({ name: 'Ana', phone: '11 5555-0000' });
  });
});
