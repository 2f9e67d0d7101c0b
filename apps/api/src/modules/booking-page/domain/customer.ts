/** The visitor's details as a booking keeps them: phone in E.164 read in the business's country. Pure. */
import type { FieldError } from '../../../shared/errors';
import { toE164 } from '../../contacts/domain/phone';

export interface CustomerInput { name: string; phone?: string | undefined; email?: string | undefined }
export interface Customer { name: string; phone?: string; email?: string }

export function normaliseCustomer(input: CustomerInput, locale: string): { customer: Customer } | { errors: FieldError[] } {
  const customer: Customer = { name: input.name };
  if (input.email) customer.email = input.email.trim();
  if (input.phone !== undefined) {
    const phone = e164(input.phone, locale);
    if (!phone) return { errors: [{ path: 'customer.phone', message: 'is not a valid phone number (add the country code, e.g. +55 11 98765-4321)' }] };
    customer.phone = phone;
  }
  return { customer };
}

function e164(raw: string, locale: string): string | undefined {
  try {
    return toE164(raw, locale);
  } catch {
    return undefined;
  }
}
