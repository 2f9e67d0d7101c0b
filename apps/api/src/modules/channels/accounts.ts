import { ChannelConfigs, channelSecretKeys, type Channel, type ChannelCreate, type ChannelListed, type ChannelType } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import type { SecretBox } from '../../platform/crypto/secrets';
import { notFound, validationError } from '../../shared/errors';
import { channelsRepository, type ChannelRow } from './repository';
import type { ChannelAccount } from './adapters/types';

const split = (type: ChannelType, config: Record<string, unknown>) => {
  const secretKeys = channelSecretKeys[type];
  const open = Object.fromEntries(Object.entries(config).filter(([k]) => !secretKeys.includes(k)));
  const secrets = Object.fromEntries(Object.entries(config).filter(([k, v]) => secretKeys.includes(k) && v !== undefined));
  return { open, secrets };
};

const noActivity = { lastInboundAt: null, lastOutboundAt: null, failedSends7d: 0, lastRejectedAt: null };

/** A tenant's channel accounts: secrets sealed at rest and never returned. */
export function channelAccounts(db: Database, box: SecretBox, webhookBase: string, changed: (id: string) => void = () => undefined) {
  const repo = channelsRepository(db);
  const present = (row: ChannelRow): Channel => ({
    id: row.id, type: row.type, name: row.name, status: row.status, config: row.config,
    secretsSet: Object.keys(box.open<Record<string, unknown>>(row.secrets)).sort(),
    webhookUrl: `${webhookBase}/v1/webhooks/${row.id}`,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  });
  const found = async (tenantId: string, id: string) => {
    const row = await repo.get(tenantId, id);
    if (!row) throw notFound('Channel');
    return row;
  };

  return {
    async create(tenantId: string, input: ChannelCreate): Promise<Channel> {
      const { open, secrets } = split(input.type, input.config);
      return present(await repo.insert(tenantId, input.type, input.name ?? defaultName(input.type), open, box.seal(secrets)));
    },
    /** The tenant's channels, each with how it is doing. */
    async list(tenantId: string): Promise<ChannelListed[]> {
      const rows = await repo.list(tenantId);
      const activity = await repo.activity(tenantId);
      return rows.map((row) => ({ ...present(row), activity: activity.get(row.id) ?? noActivity }));
    },
    get: async (tenantId: string, id: string) => present(await found(tenantId, id)),
    /** Changes the given keys only; a secret not given keeps its value. */
    async update(tenantId: string, id: string, patch: { name?: string; status?: 'active' | 'disabled'; config?: Record<string, unknown> }) {
      const row = await found(tenantId, id);
      let sealed: string | undefined;
      let config: Record<string, unknown> | undefined;
      if (patch.config) {
        const merged = ChannelConfigs[row.type].safeParse({ ...row.config, ...box.open<Record<string, unknown>>(row.secrets), ...patch.config });
        if (!merged.success) throw validationError(merged.error.issues.map((i) => ({ path: ['config', ...i.path].join('.'), message: i.message })));
        const { open, secrets } = split(row.type, merged.data as Record<string, unknown>);
        config = open;
        sealed = box.seal(secrets);
      }
      const updated = (await repo.update(tenantId, id, { ...patch, config, secrets: sealed }))!;
      changed(id);
      return present(updated);
    },
    async remove(tenantId: string, id: string): Promise<void> {
      if (!(await repo.remove(tenantId, id))) throw notFound('Channel');
      changed(id);
    },
    /** The account with its secrets opened, for a webhook or a send (never leaves the process). */
    account: (row: ChannelRow): ChannelAccount => ({
      id: row.id, tenantId: row.tenantId, type: row.type, config: { ...row.config, ...box.open<Record<string, unknown>>(row.secrets) },
      webhookUrl: `${webhookBase}/v1/webhooks/${row.id}`,
    }),
  };
}
export type ChannelAccounts = ReturnType<typeof channelAccounts>;

function defaultName(type: ChannelType): string {
  return ({ whatsapp_cloud: 'WhatsApp', evolution: 'WhatsApp (Evolution)', instagram: 'Instagram', messenger: 'Messenger',
    telegram: 'Telegram', twilio_sms: 'SMS', twilio_whatsapp: 'WhatsApp (Twilio)', email: 'Email' } as const)[type];
}
