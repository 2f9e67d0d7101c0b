import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const secret = z.string().min(1).max(2000);

/** The config keys we document per channel type; secrets are write-only (sealed at rest, never returned). */
export const ChannelConfigs = {
  whatsapp_cloud: z.object({
    phoneNumberId: z.string().min(1).max(64), accessToken: secret, appSecret: secret, verifyToken: secret,
    graphBaseUrl: httpUrl.default('https://graph.facebook.com/v21.0'),
  }),
  evolution: z.object({
    baseUrl: httpUrl, instance: z.string().min(1).max(100), apiKey: secret,
    webhookSecret: secret.describe('sent by Evolution in the x-frontdesk-secret header (configure it in its webhook headers)'),
  }),
  instagram: z.object({
    accountId: z.string().min(1).max(64), accessToken: secret, appSecret: secret, verifyToken: secret,
    graphBaseUrl: httpUrl.default('https://graph.facebook.com/v21.0'),
  }),
  messenger: z.object({
    pageId: z.string().min(1).max(64), accessToken: secret, appSecret: secret, verifyToken: secret,
    graphBaseUrl: httpUrl.default('https://graph.facebook.com/v21.0'),
  }),
  telegram: z.object({
    botToken: secret, secretToken: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'letters, digits, _ and - (Telegram\'s rule)'),
    apiBaseUrl: httpUrl.default('https://api.telegram.org'),
  }),
  twilio_sms: z.object({
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'an account SID (AC + 32 hex)'), authToken: secret,
    from: z.string().max(40).optional(), messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/).optional(),
    apiBaseUrl: httpUrl.default('https://api.twilio.com'),
  }),
  twilio_whatsapp: z.object({
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'an account SID (AC + 32 hex)'), authToken: secret,
    from: z.string().max(60).optional(), messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/).optional(),
    apiBaseUrl: httpUrl.default('https://api.twilio.com'),
  }),
  email: z.object({
    from: z.email(), smtpHost: z.string().min(1).max(255), smtpPort: z.number().int().min(1).max(65535).default(587),
    smtpSecure: z.boolean().default(false), smtpUser: z.string().max(255).optional(), smtpPassword: secret.optional(),
    inboundSecret: secret.describe('sent by your inbound-mail webhook in the x-frontdesk-secret header'),
  }),
} as const;

export const ChannelType = z.enum(Object.keys(ChannelConfigs) as [keyof typeof ChannelConfigs, ...(keyof typeof ChannelConfigs)[]]);
export type ChannelType = z.infer<typeof ChannelType>;

/** Which config keys are secrets, per type (never returned, never logged). */
export const channelSecretKeys: Record<ChannelType, readonly string[]> = {
  whatsapp_cloud: ['accessToken', 'appSecret', 'verifyToken'],
  evolution: ['apiKey', 'webhookSecret'],
  instagram: ['accessToken', 'appSecret', 'verifyToken'],
  messenger: ['accessToken', 'appSecret', 'verifyToken'],
  telegram: ['botToken', 'secretToken'],
  twilio_sms: ['authToken'],
  twilio_whatsapp: ['authToken'],
  email: ['smtpPassword', 'inboundSecret'],
};

export const ChannelCreate = z.discriminatedUnion('type', (Object.keys(ChannelConfigs) as ChannelType[]).map((type) =>
  z.object({ type: z.literal(type), name: z.string().trim().min(1).max(100).optional(), config: ChannelConfigs[type] })) as never);
export type ChannelCreate = { type: ChannelType; name?: string; config: Record<string, unknown> };

export const ChannelUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  // Every channel config is flat: a value is a string, number, boolean or null, never a nested document.
  config: z.record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional()
    .describe('keys to change; the rest (and every secret not given) stays'),
});

export const Channel = z.object({
  id: z.uuid(), type: ChannelType, name: z.string(), status: z.enum(['active', 'disabled']),
  config: z.record(z.string(), z.unknown()).describe('without secrets'),
  secretsSet: z.array(z.string()).describe('which secrets are configured'),
  webhookUrl: z.string().describe('give this URL to the provider'),
  createdAt: z.string(), updatedAt: z.string(),
});
export type Channel = z.infer<typeof Channel>;
/** How a channel is doing, for the settings list: a setup mistake shows as refused webhooks and no inbound events. */
export const ChannelActivity = z.object({
  lastInboundAt: z.string().nullable().describe('the last event the provider delivered'),
  lastOutboundAt: z.string().nullable().describe('the last message the provider took from us'),
  failedSends7d: z.number().int().describe('sends that failed for good in the last 7 days'),
  lastRejectedAt: z.string().nullable().describe('the last webhook call refused (a wrong signature or secret)'),
});
export type ChannelActivity = z.infer<typeof ChannelActivity>;
export const ChannelListed = Channel.extend({ activity: ChannelActivity });
export type ChannelListed = z.infer<typeof ChannelListed>;

const Language = z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'a language code like pt_BR, es_AR, en_GB or en');
export const TemplateCreate = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _ (Meta\'s rule)'),
  language: Language,
  body: z.string().trim().min(1).max(1024).describe('variables as {{1}}, {{2}}…'),
  status: z.enum(['pending', 'approved', 'rejected']).default('pending').describe("the provider's approval, as the business reports it"),
  kind: z.enum(['booking_confirmation', 'booking_reminder', 'booking_rescheduled', 'booking_cancelled', 'booking_thank_you', 'booking_no_show',
    'ticket_satisfaction', 'follow_up']).nullable().default(null)
    .describe('the notice this is the text of, in this language ({{1}} name, {{2}} service, {{3}} day, {{4}} time, {{5}} place, {{6}} business; or {{name}}…)'),
});
export const TemplateUpdate = z.object({
  body: TemplateCreate.shape.body.optional(), status: TemplateCreate.shape.status.optional(), kind: TemplateCreate.shape.kind.optional(),
});
export const Template = TemplateCreate.extend({ id: z.uuid(), createdAt: z.string(), updatedAt: z.string() });
export type Template = z.infer<typeof Template>;
export const ReplyWindow = z.object({
  closed: z.boolean().describe('true when the channel only delivers approved templates now (WhatsApp and others: 24 h after the customer last wrote)'),
  lastInboundAt: z.string().nullable(), closesAt: z.string().nullable().describe('when free text stops being allowed; null on channels without a window'),
  templates: z.array(Template).describe('the approved templates that may be sent instead'),
});
export const TemplateSend = z.object({
  name: z.string().min(1).max(512), language: Language.optional().describe("defaults to the customer's language"),
  variables: z.array(z.string().max(1024)).max(20).default([]),
});
