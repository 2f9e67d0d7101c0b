import type { ApiKeyIssued, Location, LocationUpdate, Tenant, TenantCreate, TenantUpdate } from '@frontdesk/contracts';
import { AppError, notFound } from '../../shared/errors';
import { newSecret, sha256 } from '../../shared/ids';
import type { Database } from '../../platform/db/database';
import { sqlState } from '../../platform/db/database';
import { accountsRepository } from './repository';
import { isPermission, type Permission, type Scopes } from '../../platform/auth/permissions';

// A tenant key names its tenant, so it is looked up by (tenant_id, hash): fd_<tenant id hex>_<secret>.
const KEY_PATTERN = /^fd_([0-9a-f]{32})_([A-Za-z0-9_-]{20,})$/;

const uuidFromHex = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

const KEY_CACHE_TTL_MS = 30_000;
const KEY_CACHE_MAX = 10_000;

export function accountsService(db: Database) {
  const repo = accountsRepository(db);
  // Verified keys are remembered briefly so each request does not pay a lookup; a revoked key
  // stops working within KEY_CACHE_TTL_MS.
  const verified = new Map<string, { tenantId: string; keyId: string; scopes: Scopes; until: number }>();

  async function issueKey(tenantId: string, name: string, r = repo, scopes: Scopes = ['*']): Promise<ApiKeyIssued> {
    const key = `fd_${tenantId.replaceAll('-', '')}_${newSecret(24)}`;
    const prefix = key.slice(0, key.indexOf('_', 3) + 7); // up to 6 characters of the secret part: tells a tenant's keys apart
    const { id, createdAt } = await r.insertApiKey(tenantId, name, prefix, sha256(key), scopes);
    return { id, name, prefix, key, createdAt };
  }

  return {
    async createTenant(input: TenantCreate, blueprint: string | null = null): Promise<{ tenant: Tenant; apiKey: ApiKeyIssued }> {
      try {
        return await db.transaction(async (tx) => {
          const txRepo = accountsRepository(tx);
          const tenant = await txRepo.insertTenant(input, blueprint);
          return { tenant, apiKey: await issueKey(tenant.id, 'first key', txRepo) };
        });
      } catch (err) {
        if (sqlState(err) === '23505') throw new AppError('TENANT_SLUG_TAKEN', `The slug "${input.slug}" is taken`);
        throw err;
      }
    },
    async issueApiKey(slug: string, name: string): Promise<ApiKeyIssued> {
      const tenant = await repo.tenantBySlug(slug);
      if (!tenant) throw notFound('Tenant');
      return issueKey(tenant.id, name);
    },
    async verifyTenantKey(key: string): Promise<{ tenantId: string; keyId: string; scopes: Scopes } | undefined> {
      const match = KEY_PATTERN.exec(key);
      if (!match) return undefined;
      const hash = sha256(key);
      const cached = verified.get(hash);
      if (cached && cached.until > Date.now()) return { tenantId: cached.tenantId, keyId: cached.keyId, scopes: cached.scopes };
      const tenantId = uuidFromHex(match[1]!);
      const found = await repo.findApiKey(tenantId, hash);
      if (!found) return undefined;
      const scopes = found.scopes.filter((s): s is Permission | '*' => s === '*' || isPermission(s));
      if (verified.size >= KEY_CACHE_MAX) verified.clear();
      verified.set(hash, { tenantId, keyId: found.id, scopes, until: Date.now() + KEY_CACHE_TTL_MS });
      return { tenantId, keyId: found.id, scopes };
    },
    /** A key for a tenant's own integrations, limited to the scopes it needs. */
    async createApiKey(tenantId: string, name: string, scopes: string[]): Promise<ApiKeyIssued & { scopes: string[] }> {
      const unknown = scopes.filter((s) => s !== '*' && !isPermission(s));
      if (unknown.length) throw new AppError('API_KEY_SCOPE_UNKNOWN', `Unknown scopes: ${unknown.join(', ')}`, { errors: [{ path: 'scopes', message: `unknown: ${unknown.join(', ')}` }] });
      const unique = [...new Set(scopes)] as Scopes;
      return { ...(await issueKey(tenantId, name, repo, unique)), scopes: [...unique] };
    },
    listApiKeys: (tenantId: string) => repo.listApiKeys(tenantId),
    async revokeApiKey(tenantId: string, id: string): Promise<void> {
      const hash = await repo.revokeApiKey(tenantId, id);
      if (!hash) throw notFound('Live API key');
      verified.delete(hash);
    },
    tenantBySlug: (slug: string) => repo.tenantBySlug(slug),
    listTenants: () => repo.listTenants(),
    async tenant(id: string): Promise<Tenant> {
      const t = await repo.tenantById(id);
      if (!t) throw notFound('Tenant');
      return t;
    },
    async updateTenant(id: string, patch: TenantUpdate): Promise<Tenant> {
      return (await repo.updateTenant(id, patch)) ?? Promise.reject(notFound('Tenant'));
    },
    async location(tenantId: string, id: string): Promise<Location> {
      return (await repo.location(tenantId, id)) ?? Promise.reject(notFound('Location'));
    },
    async updateLocation(tenantId: string, id: string, patch: LocationUpdate): Promise<Location> {
      return (await repo.updateLocation(tenantId, id, patch)) ?? Promise.reject(notFound('Location'));
    },
    async createLocation(tenantId: string, input: { name: string; address?: string; timeZone?: string }): Promise<Location> {
      const timeZone = input.timeZone ?? (await this.tenant(tenantId)).timeZone;
      return repo.insertLocation(tenantId, { ...input, timeZone });
    },
    listLocations: (tenantId: string) => repo.listLocations(tenantId),
    locationExists: (tenantId: string, id: string) => repo.locationExists(tenantId, id),
  };
}
export type AccountsService = ReturnType<typeof accountsService>;
