import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldKey, installFieldKeys } from './fields';
import { openDetails, sealDetails } from './sealed-details';

describe("an event's data at rest", () => {
  beforeAll(() => installFieldKeys({ current: fieldKey(randomBytes(32)), previous: [] }));
  const data = {
    bookingId: '8f1c2b9e-0000-4000-8000-000000000001', status: 'confirmed', startAt: '2026-12-07T12:00:00Z', seats: 1,
    customer: { name: 'Beatriz Rocha', phone: '+5511987650001' }, reason: 'minha filha ficou doente', serviceId: null,
  };

  it('keeps what changed readable and seals the rest', () => {
    const stored = sealDetails(data);
    expect(stored).toMatchObject({ bookingId: data.bookingId, status: 'confirmed', startAt: data.startAt, seats: 1, serviceId: null });
    expect(JSON.stringify(stored)).not.toMatch(/Beatriz|98765|doente/);
    expect(openDetails(stored)).toEqual(data);
  });

  it('leaves data with nothing personal as it is, and reads data stored before sealing', () => {
    expect(sealDetails({ leadId: 'x', stage: 'won' })).toEqual({ leadId: 'x', stage: 'won' });
    expect(openDetails(data)).toEqual(data);
  });
});
