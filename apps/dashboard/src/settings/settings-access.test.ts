import { describe, expect, it } from 'vitest';
import { ChannelConfigs, channelSecretKeys, type ChannelType } from '@frontdesk/contracts';
import { blankValues, channelFields, channelTypes, configToCreate, configToUpdate, editValues, tokenFrom } from './channel-fields';
import { assignableRoles, isLastOwner, mayManage } from './team';
import { refusedLately } from './channel-activity';

describe('the channel form', () => {
  it.each(channelTypes)('asks %s for exactly the keys the API reads, secrets as secrets', (type: ChannelType) => {
    const fields = channelFields[type];
    expect(fields.map((f) => f.key).sort()).toEqual(Object.keys(ChannelConfigs[type].shape).sort());
    expect(fields.filter((f) => f.kind === 'secret').map((f) => f.key).sort()).toEqual([...channelSecretKeys[type]].sort());
  });

  it('fills the made-up secrets in, and a Telegram channel made from the form passes the API contract', () => {
    const values = blankValues('telegram', () => 'made-up_token');
    expect(values).toEqual({ botToken: '', secretToken: 'made-up_token', apiBaseUrl: '' });
    const config = configToCreate('telegram', { ...values, botToken: ' 123:abc ' });
    expect(config).toEqual({ botToken: '123:abc', secretToken: 'made-up_token' });
    expect(ChannelConfigs.telegram.safeParse(config).success).toBe(true);
  });

  it('turns the e-mail port into a number and the TLS box into a boolean', () => {
    const config = configToCreate('email', { from: 'hi@van.test', smtpHost: 'smtp.van.test', smtpPort: '465', smtpSecure: true, smtpUser: '', smtpPassword: '', inboundSecret: 's' });
    expect(config).toEqual({ from: 'hi@van.test', smtpHost: 'smtp.van.test', smtpPort: 465, smtpSecure: true, inboundSecret: 's' });
    expect(ChannelConfigs.email.safeParse(config).success).toBe(true);
  });

  it('edits with every secret blank and sends only what changed', () => {
    const saved = { phoneNumberId: '1055', graphBaseUrl: 'https://graph.facebook.com/v21.0' };
    const values = editValues('whatsapp_cloud', saved);
    expect(values).toEqual({ phoneNumberId: '1055', accessToken: '', appSecret: '', verifyToken: '', graphBaseUrl: 'https://graph.facebook.com/v21.0' });
    expect(configToUpdate('whatsapp_cloud', saved, values)).toEqual({});
    expect(configToUpdate('whatsapp_cloud', saved, { ...values, phoneNumberId: '2077', accessToken: 'new' })).toEqual({ phoneNumberId: '2077', accessToken: 'new' });
  });

  it('makes tokens Telegram accepts', () => {
    const token = tokenFrom(Uint8Array.from({ length: 32 }, (_, i) => i * 8));
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(ChannelConfigs.telegram.shape.secretToken.safeParse(token).success).toBe(true);
  });
});

describe('team roles', () => {
  it('offers only roles at or below your own', () => {
    expect(assignableRoles('owner')).toEqual(['owner', 'manager', 'agent', 'viewer']);
    expect(assignableRoles('manager')).toEqual(['manager', 'agent', 'viewer']);
    expect(assignableRoles('viewer')).toEqual(['viewer']);
    expect(assignableRoles(undefined)).toEqual([]);
  });

  it('lets a manager manage agents but not owners', () => {
    expect(mayManage('manager', 'agent')).toBe(true);
    expect(mayManage('manager', 'manager')).toBe(true);
    expect(mayManage('manager', 'owner')).toBe(false);
    expect(mayManage('owner', 'owner')).toBe(true);
  });

  it('knows the only owner', () => {
    const one = [{ role: 'owner' as const }, { role: 'agent' as const }];
    expect(isLastOwner(one, one[0]!)).toBe(true);
    expect(isLastOwner(one, one[1]!)).toBe(false);
    expect(isLastOwner([...one, { role: 'owner' as const }], one[0]!)).toBe(false);
  });
});

describe('a channel’s activity', () => {
  const quiet = { lastInboundAt: null, lastOutboundAt: null, failedSends7d: 0, lastRejectedAt: null };
  it('warns of refused calls only while nothing got in after them', () => {
    expect(refusedLately(quiet)).toBe(false);
    expect(refusedLately({ ...quiet, lastRejectedAt: '2026-12-06T10:00:00Z' })).toBe(true);
    expect(refusedLately({ ...quiet, lastRejectedAt: '2026-12-06T10:00:00Z', lastInboundAt: '2026-12-06T09:00:00Z' })).toBe(true);
    expect(refusedLately({ ...quiet, lastRejectedAt: '2026-12-06T10:00:00Z', lastInboundAt: '2026-12-06T10:05:00Z' })).toBe(false);
  });
});
