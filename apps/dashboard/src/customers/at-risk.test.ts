import { describe, expect, it } from 'vitest';
import { formatters } from '../i18n/format';
import { customersEn } from '../i18n/pages/customers-en';
import { customersPtBR } from '../i18n/pages/customers-pt-BR';
import { riskById, riskReason } from './at-risk';

const none = { lastVisit: null, visits: null, usualIntervalDays: null, daysSince: null, missedInARow: null };
const ana = { ...none, contactId: 'a', name: 'Ana', reason: 'lapsed' as const, since: '2026-03-22', lastVisit: '2026-02-18T15:00:00.000Z', visits: 3, usualIntervalDays: 10.5, daysSince: 32 };
const bia = { ...none, contactId: 'b', name: 'Bia', reason: 'missed' as const, since: '2026-02-04', missedInARow: 2 };

describe('customers at risk in words', () => {
  it('says why and since when, in the language and with the tenant-local day as the API gave it', () => {
    const en = formatters('en-GB', 'America/Argentina/Buenos_Aires');
    expect(riskReason(ana, customersEn.atRisk, en)).toBe('32 days since the last visit; usually every 10.5 days (at risk since 22 Mar 2026)');
    expect(riskReason(bia, customersEn.atRisk, en)).toBe('Missed the last 2 bookings (no-show or cancelled) (at risk since 4 Feb 2026)');
    // Pacific/Kiritimati is UTC+14: the API's day is still the day shown.
    const pt = formatters('pt-BR', 'Pacific/Kiritimati');
    expect(riskReason(ana, customersPtBR.atRisk, pt)).toBe('32 dias desde a última visita; costuma vir a cada 10,5 dias (em risco desde 22 de mar. de 2026)');
  });

  it('finds a row by contact id', () => {
    expect(riskById([ana, bia]).get('b')?.reason).toBe('missed');
    expect(riskById(undefined).size).toBe(0);
  });
});
