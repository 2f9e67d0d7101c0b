import type { ChannelType } from '@frontdesk/contracts';

/**
 * What the connect form asks for, per provider: the same keys as the API's ChannelConfigs
 * (channel-fields.test.ts fails while they differ). Secrets are write-only: typed once, never shown
 * again; `generate` marks the ones we make up for the business to paste into the provider's console.
 */
export type FieldKind = 'text' | 'secret' | 'url' | 'number' | 'boolean' | 'email';
export interface ChannelField { key: string; kind: FieldKind; optional?: boolean; generate?: boolean; placeholder?: string }

const GRAPH = 'https://graph.facebook.com/v21.0';
const meta = (idKey: string): ChannelField[] => [
  { key: idKey, kind: 'text' }, { key: 'accessToken', kind: 'secret' }, { key: 'appSecret', kind: 'secret' },
  { key: 'verifyToken', kind: 'secret', generate: true }, { key: 'graphBaseUrl', kind: 'url', optional: true, placeholder: GRAPH },
];
const twilio: ChannelField[] = [
  { key: 'accountSid', kind: 'text', placeholder: 'AC…' }, { key: 'authToken', kind: 'secret' },
  { key: 'from', kind: 'text', optional: true }, { key: 'messagingServiceSid', kind: 'text', optional: true, placeholder: 'MG…' },
  { key: 'apiBaseUrl', kind: 'url', optional: true, placeholder: 'https://api.twilio.com' },
];

export const channelFields: Record<ChannelType, ChannelField[]> = {
  whatsapp_cloud: meta('phoneNumberId'),
  evolution: [
    { key: 'baseUrl', kind: 'url' }, { key: 'instance', kind: 'text' }, { key: 'apiKey', kind: 'secret' },
    { key: 'webhookSecret', kind: 'secret', generate: true },
  ],
  instagram: meta('accountId'),
  messenger: meta('pageId'),
  telegram: [
    { key: 'botToken', kind: 'secret' }, { key: 'secretToken', kind: 'secret', generate: true },
    { key: 'apiBaseUrl', kind: 'url', optional: true, placeholder: 'https://api.telegram.org' },
  ],
  twilio_sms: twilio,
  twilio_whatsapp: twilio,
  email: [
    { key: 'from', kind: 'email' }, { key: 'smtpHost', kind: 'text' }, { key: 'smtpPort', kind: 'number', optional: true, placeholder: '587' },
    { key: 'smtpSecure', kind: 'boolean', optional: true }, { key: 'smtpUser', kind: 'text', optional: true },
    { key: 'smtpPassword', kind: 'secret', optional: true }, { key: 'inboundSecret', kind: 'secret', generate: true },
  ],
};
export const channelTypes = Object.keys(channelFields) as ChannelType[];

export type FormValues = Record<string, string | boolean>;

/** A blank form for a provider, with the made-up secrets already filled in. */
export function blankValues(type: ChannelType, token: () => string): FormValues {
  return Object.fromEntries(channelFields[type].map((f) => [f.key, f.kind === 'boolean' ? false : f.generate ? token() : '']));
}

function valueOf(field: ChannelField, raw: string | boolean | undefined): unknown {
  if (field.kind === 'boolean') return raw === true;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return undefined;
  return field.kind === 'number' && /^\d+$/.test(text) ? Number(text) : text;
}

/** The config to create a channel with: blanks left out (the API's defaults apply, or it names the missing field). */
export function configToCreate(type: ChannelType, values: FormValues): Record<string, unknown> {
  const entries = channelFields[type].map((f) => [f.key, valueOf(f, values[f.key])] as const);
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

/** The edit form: the saved settings, every secret blank (a blank secret keeps its value). */
export function editValues(type: ChannelType, config: Record<string, unknown>): FormValues {
  return Object.fromEntries(channelFields[type].map((f) => {
    const saved = config[f.key];
    if (f.kind === 'boolean') return [f.key, saved === true];
    return [f.key, f.kind === 'secret' || saved === undefined || saved === null ? '' : String(saved)];
  }));
}

/** Only what changed: settings that differ from the saved ones, and secrets typed anew. */
export function configToUpdate(type: ChannelType, config: Record<string, unknown>, values: FormValues): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const f of channelFields[type]) {
    const next = valueOf(f, values[f.key]);
    if (next === undefined) continue;
    if (f.kind === 'secret' || next !== config[f.key]) changed[f.key] = next;
  }
  return changed;
}

/** A token a provider accepts everywhere we ask for one (Telegram allows only letters, digits, _ and -). */
export function tokenFrom(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from(bytes, (b) => alphabet[b % 64]).join('');
}

export const randomToken = (): string => tokenFrom(crypto.getRandomValues(new Uint8Array(32)));
