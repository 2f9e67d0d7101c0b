import { z } from 'zod';

/** Why a contact stopped wanting messages: a keyword they wrote, their own words, or the provider's signal. */
export const OptOutSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keyword'), word: z.string() }),
  z.object({ kind: z.literal('request') }),
  z.object({ kind: z.literal('provider'), signal: z.string() }),
]);
export type OptOutSource = z.infer<typeof OptOutSource>;

/** A person who wrote to the business, on any channel. */
export const Contact = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  email: z.string().nullable(),
  lang: z.string().nullable(),
  optedOut: z.object({ at: z.iso.datetime(), source: OptOutSource }).nullable()
    .describe('Set while the contact does not want follow-ups or marketing'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Contact = z.infer<typeof Contact>;

/** The contact's handle on one channel. */
export const ChannelIdentity = z.object({
  channelId: z.uuid(),
  handle: z.string(),
  conversationId: z.uuid().nullable(),
  status: z.enum(['ok', 'undeliverable', 'blocked']),
});
export type ChannelIdentity = z.infer<typeof ChannelIdentity>;

export const ContactWithIdentities = Contact.extend({ identities: z.array(ChannelIdentity) });

export const ContactEvent = z.object({
  kind: z.enum(['merged', 'split', 'phone_changed', 'opted_out', 'opted_in']),
  channelId: z.uuid().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: z.iso.datetime(),
});
export type ContactEvent = z.infer<typeof ContactEvent>;

export const ContactPatch = z.object({
  name: z.string().trim().min(1).max(200).nullable().optional(),
  phone: z.string().trim().min(3).max(40).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
}).strict();
export type ContactPatch = z.infer<typeof ContactPatch>;

export const MergeContacts = z.object({ otherContactId: z.uuid() }).strict();
export const SplitContact = z.object({ channelIdentity: z.object({ channelId: z.uuid(), handle: z.string().min(1).max(320) }) }).strict();
