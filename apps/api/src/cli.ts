import { Command } from 'commander';
import { z } from 'zod';
import { StaffRole, TenantCreate } from '@frontdesk/contracts';
import { composeApp, VERSION, type AppParts } from './compose';
import { loadConfig } from './platform/config';
import { migrateToLatest } from './platform/db/migrate';
import { provisionDatabase, resolveAdminKey, resolveSecretKey } from './platform/db/provision';
import { blueprintNames, seedBlueprint } from './seed';
import { startFrontdesk, stopOnSignals } from './main';
import { scenariosCommand, type ScenariosOptions } from './modules/conversations/scenarios/command';

const out = (line: string) => process.stdout.write(`${line}\n`);
const quiet = { info: () => undefined, warn: (m: string) => out(`warning: ${m}`) };

/** Runs one command against the database (starting the embedded one if needed), then stops it. */
async function withApp<T>(fn: (parts: AppParts) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), logLevel: 'silent' as const };
  const database = await provisionDatabase(config, quiet);
  const parts = await composeApp({ config, databaseUrl: database.url, adminKey: resolveAdminKey(config).key, secretKey: resolveSecretKey(config) });
  try {
    await migrateToLatest(parts.db.pool);
    return await fn(parts);
  } finally {
    await parts.close();
    await database.release();
  }
}

const program = new Command('frontdesk').version(VERSION).description('Frontdesk: the AI front desk for service businesses');

program.command('start').description('start the HTTP server (embedded database unless DATABASE_URL is set)')
  .action(async () => {
    const starting = startFrontdesk();
    stopOnSignals(starting);
    await starting;
  });

program.command('migrate').description('apply pending database migrations')
  .action(async () => {
    await withApp(async () => out('Database is up to date.'));
  });

program.command('seed').description('load a blueprint tenant')
  .option('--blueprint <name>', `one of: ${blueprintNames().join(', ')}`)
  .option('--all', 'every blueprint')
  .action(async (opts: { blueprint?: string; all?: boolean }) => {
    const names = opts.all ? blueprintNames() : opts.blueprint ? [opts.blueprint] : [];
    if (!names.length) throw new Error('Give --blueprint <name> or --all');
    await withApp(async (parts) => {
      for (const name of names) {
        const r = await seedBlueprint(parts, name);
        out(r.created ? `Created ${r.slug}; API key: ${r.apiKey}` : `${r.slug} already exists; left as it is`);
      }
    });
  });

const keys = program.command('keys').description('encryption keys');
keys.command('rotate').description('re-encrypt personal fields and reseal stored secrets under FRONTDESK_SECRET_KEY '
    + '(start with the old key in FRONTDESK_PREVIOUS_SECRET_KEYS; afterwards it can be removed)')
  .action(async () => {
    await withApp(async (parts) => {
      await parts.checkSecretKey();
      const { fields, secrets } = await parts.rotateKeys();
      const report = Object.entries({ ...fields, ...secrets }).map(([what, n]) => `${what}: ${n}`);
      out(report.length ? `Moved to the current key: ${report.join(', ')}` : 'Everything was already under the current key.');
    });
  });

const tenant = program.command('tenant').description('manage tenants');
tenant.command('create').description('create a tenant and its first API key')
  .requiredOption('--name <name>').requiredOption('--slug <slug>')
  .requiredOption('--time-zone <zone>', 'IANA zone, e.g. America/Sao_Paulo')
  .requiredOption('--locale <locale>', 'e.g. pt-BR').requiredOption('--currency <code>', 'ISO 4217, e.g. BRL')
  .action(async (o: { name: string; slug: string; timeZone: string; locale: string; currency: string }) => {
    const input = TenantCreate.parse({ name: o.name, slug: o.slug, timeZone: o.timeZone, locale: o.locale, currency: o.currency });
    await withApp(async (parts) => {
      const { tenant: t, apiKey } = await parts.accounts.createTenant(input);
      out(`Created tenant ${t.slug} (${t.id})\nAPI key (shown once): ${apiKey.key}`);
    });
  });

const apikey = program.command('apikey').description('manage API keys');
apikey.command('create').description('issue an API key for a tenant')
  .requiredOption('--tenant <slug>').option('--name <name>', 'what the key is for', 'cli')
  .action(async (o: { tenant: string; name: string }) => {
    await withApp(async (parts) => out((await parts.accounts.issueApiKey(o.tenant, o.name)).key));
  });

const staff = program.command('staff').description('people who sign in to the dashboard');
staff.command('invite').description("print a 7-day link that makes someone a member (e.g. a tenant's first owner)")
  .requiredOption('--tenant <slug>').requiredOption('--email <email>')
  .option('--role <role>', 'owner, manager, agent or viewer', 'owner')
  .action(async (o: { tenant: string; email: string; role: string }) => {
    const role = StaffRole.parse(o.role);
    await withApp(async (parts) => {
      const t = await parts.accounts.tenantBySlug(o.tenant);
      if (!t) throw new Error(`No tenant ${o.tenant}`);
      const invitation = await parts.staff.invite(t.id, o.email, role);
      out(`Invitation for ${invitation.email} as ${role} of ${t.slug}${invitation.emailed ? ' (also e-mailed)' : ''}:\n${invitation.acceptUrl}`);
    });
  });
staff.command('operator').description('make someone a platform operator; prints a one-hour link to set their password')
  .requiredOption('--email <email>').requiredOption('--name <name>')
  .action(async (o: { email: string; name: string }) => {
    await withApp(async (parts) => out(`Set the password within an hour:\n${await parts.staff.createOperator(o)}`));
  });

const audit = program.command('audit').description('the audit trail');
audit.command('verify').description('check that no audit entry was modified or deleted (exit 1 if one was)')
  .action(async () => {
    const result = await withApp((parts) => parts.audit.service.verify());
    if (result.ok) out(`Audit trail intact: ${result.checked} entries checked.`);
    else out(`Audit trail BROKEN at entry ${result.broken!.id}: ${result.broken!.reason === 'modified' ? 'it was modified' : 'an entry before it was deleted or replaced'} (${result.checked} entries before it are intact).`);
    process.exit(result.ok ? 0 : 1); // explicitly: the embedded database's exit hook would otherwise end the process with 0
  });

program.command('scenarios').description('run scripted conversations (docs/scenarios.md); in process unless --url is given')
  .argument('<dir>', 'a folder of scenario files (YAML or JSON); pending/ subfolders are left out')
  .option('--url <base>', 'a running Frontdesk, e.g. http://127.0.0.1:3000 (real clock)')
  .option('--api-key <slug=key>', 'a tenant API key for --url (repeat per tenant)', (v: string, all: string[]) => [...all, v], [])
  .option('--admin-key <key>', 'with --url: the platform admin key, to issue a key per tenant')
  .action(async (dir: string, opts: ScenariosOptions) => {
    // Exit explicitly: the embedded database's exit hook would otherwise end the process with 0.
    process.exit(await scenariosCommand(dir, opts, () => ({ ...loadConfig(), logLevel: 'silent' }), out));
  });

program.parseAsync().catch((err: unknown) => {
  const message = err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err);
  process.stderr.write(`frontdesk: ${message}\n`);
  process.exit(1);
});
