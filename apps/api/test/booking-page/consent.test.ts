import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';
import { bookingPageApp, tokenOf, type visitor } from './visitor';

// Kumon Vila A (São Paulo, LGPD) asks every new contact for consent; Brazil keeps no daylight-saving time.
const NOW = Date.parse('2027-03-01T12:00:00Z');
let app: TestApp;
let page: ReturnType<typeof visitor>;
let slug: string;
let staff: Record<string, string>;
let serviceId: string;
let consentText: string;

beforeAll(async () => {
  ({ app, page } = await bookingPageApp(NOW));
  const kumon = await seedTenant(app, 'kumon-vila-a');
  slug = kumon.slug;
  staff = app.auth(kumon.key);
  const profile = (await page.profile(slug)).json();
  serviceId = profile.services[0].id;
  consentText = profile.consent.text;
});

describe('a business that requires consent', () => {
  it('says so in its profile, with the exact text in its language', async () => {
    const profile = (await page.profile(slug, 'en')).json();
    expect(profile.business).toMatchObject({ locale: 'pt-BR', timeZone: 'America/Sao_Paulo', currency: 'BRL' });
    // Kumon wrote its text in Portuguese only: an English visitor is shown that one, labelled as such.
    expect(profile.consent).toMatchObject({ required: true, purposes: ['data_processing'], lang: 'pt' });
    expect(consentText).toMatch(/^Antes de começarmos/);
    expect(profile.services[0]).toMatchObject({ name: 'Avaliação diagnóstica', price: { amount: 0, currency: 'BRL' }, changeNoticeMinutes: 120 });
    expect(profile.services[0].resources.map((r: { name: string }) => r.name)).toEqual(['Mariana Costa (orientadora)', 'Rafael Oliveira (orientador)']);
  });

  it('refuses a booking without consent, naming the field, and books nothing', async () => {
    const [slot] = await page.slots(slug, { serviceId, from: '2027-03-02', to: '2027-03-02' });
    const body = { serviceId, start: slot!.start, customer: { name: 'Carla Souza', phone: '(11) 91234-5678' } };
    for (const consentAccepted of [undefined, false]) {
      const problem = expectProblem(await page.book(slug, { ...body, consentAccepted }), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'consentAccepted' })]);
    }
    expect((await app.app.inject({ url: '/v1/bookings', headers: staff })).json().items).toEqual([]);
  });

  it("books with consent and appends the customer's answer to the ledger with the words shown", async () => {
    const [slot] = await page.slots(slug, { serviceId, from: '2027-03-02', to: '2027-03-02', timeZone: 'America/Sao_Paulo' });
    expect(slot!.visitorTime).toMatchObject({ utcOffset: '-03:00', time: slot!.businessTime.time });
    const res = await page.book(slug, { serviceId, start: slot!.start, consentAccepted: true, language: 'pt',
      customer: { name: 'Carla Souza', phone: '(11) 91234-5678', email: 'carla@example.com.br' } });
    tokenOf(res);
    expect(res.json().customer).toMatchObject({ phone: '+5511912345678' });
    const [{ contact_id: contactId }] = await app.db.query<{ contact_id: string }>(
      'SELECT contact_id FROM booking_page_bookings WHERE booking_id = $1', [res.json().id]) as [{ contact_id: string }];
    const ledger = (await app.app.inject({ url: `/v1/contacts/${contactId}/consents`, headers: staff })).json().items;
    expect(ledger).toEqual([expect.objectContaining({ answer: 'granted', purposes: ['data_processing'], channel: 'booking_page',
      recordedBy: 'customer', text: consentText, lang: 'pt', at: new Date(NOW).toISOString() })]);
    const bookings = (await app.app.inject({ url: '/v1/bookings', headers: staff })).json().items;
    expect(bookings).toEqual([expect.objectContaining({ id: res.json().id, sourceChannel: 'booking_page' })]);
  });
});
