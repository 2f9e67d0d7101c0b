import type { CountryCode } from 'libphonenumber-js';

/** The region of a locale such as pt-BR or en-IN: how a phone number written without +country is read. */
export const regionOf = (locale: string): CountryCode | undefined =>
  (/[-_]([A-Za-z]{2})$/.exec(locale)?.[1]?.toUpperCase() as CountryCode | undefined);
