import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The tenant a piece of work acts for. Inside `withTenant`, every statement `Database` issues runs
 * as the `frontdesk_tenant` role with `frontdesk.tenant_id` set, so PostgreSQL's row-level
 * security (migration 0019) lets it see and write that tenant's rows only. Outside any scope
 * (workers, sweeps, the event relay, the platform admin, migrations) it runs as the owner role.
 */
export const TENANT_ROLE = 'frontdesk_tenant';

const scope = new AsyncLocalStorage<string | undefined>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function withTenant<T>(tenantId: string, fn: () => T): T {
  // The id is written into SQL text (a SET takes no parameters): only a well-formed uuid gets there.
  if (!UUID.test(tenantId)) throw new Error(`Not a tenant id: ${tenantId}`);
  return scope.run(tenantId.toLowerCase(), fn);
}

/** Platform work started from inside a tenant's request (a batch over all tenants) leaves its scope. */
export function withoutTenant<T>(fn: () => T): T {
  return scope.run(undefined, fn);
}

export const currentTenant = (): string | undefined => scope.getStore();

/**
 * What a connection's session acts as: a tenant id, or undefined for the owner. Session-level
 * settings outlive the statement, so a connection that serves one tenant again costs nothing.
 */
export function sessionSql(tenant: string | undefined): string {
  return tenant ? `SET ROLE ${TENANT_ROLE}; SET frontdesk.tenant_id = '${tenant}'` : 'RESET ROLE; RESET frontdesk.tenant_id';
}

/**
 * BEGIN and the transaction's identity in one round trip. A tenant's transaction moves the
 * session to that tenant (so its next transaction on this connection needs nothing, and its
 * prepared statements keep their plans: PostgreSQL re-plans a statement whose role changed).
 * That SET is part of the transaction: after a ROLLBACK the session is what it was before.
 * Owner work on a connection that acts for a tenant switches only for itself (SET LOCAL).
 */
export function beginSql(tenant: string | undefined, session: string | undefined): string {
  if (tenant === session) return 'BEGIN';
  return tenant ? `BEGIN; ${sessionSql(tenant)}` : `BEGIN; SET LOCAL ROLE NONE; SET LOCAL frontdesk.tenant_id = ''`;
}
