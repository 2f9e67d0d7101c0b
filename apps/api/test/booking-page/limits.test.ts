import { describe, expect, it } from 'vitest';
import { createTenant, startTestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { expectProblem } from '../harness/problem';
import { visitor } from './visitor';

describe('the booking page under abuse', () => {
  it('limits bookings and changes per minute per address, and counts reads with the other public routes', async () => {
    const app = await startTestApp({ config: { bookingPageLimits: { changesPerMinute: 3 },
      rateLimits: { perKey: 0, perTenant: 0, perIp: 20, signInPerIp: 0, webhooksPerIp: 0 } } });
    app.clock.set(Date.parse('2027-03-01T12:00:00Z'));
    const tenant = await createTenant(app, { timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
    const { serviceId } = await setupCatalogue(app, tenant.key, { timeZone: 'Europe/London', service: { price: { amount: 100, currency: 'GBP' } } });
    const page = visitor(app);
    const book = (hour: number) => page.book(tenant.slug, { serviceId, start: `2027-03-02T${hour}:00:00Z`, customer: { name: 'Bot', email: `bot${hour}@example.com` } });
    expect((await book(10)).statusCode).toBe(201);
    expect((await book(11)).statusCode).toBe(201);
    expect((await book(12)).statusCode).toBe(201);
    const refused = await book(13);
    expectProblem(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Reads share the address's limit for public routes: 20 a minute here, of which the three bookings took three
    // (the refused fourth was stopped by its route's own limit before it was counted).
    const answers: number[] = [];
    for (let i = 0; i < 19; i++) answers.push((await page.profile(tenant.slug)).statusCode);
    expect(answers).toEqual([...Array(17).fill(200), 429, 429]);
  });
});
