import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { currentTenant } from '../db/tenant-scope';
import { scopePublicRequests } from './tenant-scope';

const KUMON = '3f2b8c1e-5d4a-4f6b-9c7d-1e2f3a4b5c6d';

describe('public requests run in the scope of the business their path names', () => {
  it('scopes a known slug, leaves an unknown one and slug-less routes unscoped', async () => {
    const app = Fastify();
    scopePublicRequests(app, async (slug) => (slug === 'kumon-vila-a' ? KUMON : undefined));
    app.get('/v1/chat/:tenantSlug/probe', async () => ({ tenant: currentTenant() ?? null }));
    app.get('/v1/book/manage/:token', async () => ({ tenant: currentTenant() ?? null }));
    const tenantOf = async (url: string) => (await app.inject({ url })).json().tenant;
    expect(await tenantOf('/v1/chat/kumon-vila-a/probe')).toBe(KUMON);
    expect(await tenantOf('/v1/chat/nobody/probe')).toBeNull();
    expect(await tenantOf('/v1/book/manage/abc')).toBeNull();
    await app.close();
  });

  it('answers 500 rather than running unscoped when the lookup fails', async () => {
    const app = Fastify();
    scopePublicRequests(app, async () => { throw new Error('database down'); });
    app.get('/v1/book/:tenantSlug', async () => ({ tenant: currentTenant() ?? null }));
    expect((await app.inject({ url: '/v1/book/kumon-vila-a' })).statusCode).toBe(500);
    await app.close();
  });
});
