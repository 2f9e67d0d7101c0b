import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The region of a locale such as pt-BR or en-GB: how a number written without +country is read. */
export const regionOf = (locale: string): CountryCode | undefined =>
  (/[-_]([A-Za-z]{2})$/.exec(locale)?.[1]?.toUpperCase() as CountryCode | undefined);

/** A phone number as E.164, read in the tenant's region unless it gives its country; undefined if it is not one. */
export function toE164(raw: string, locale: string): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, regionOf(locale));
  return parsed?.isValid() ? parsed.number : undefined;
}
