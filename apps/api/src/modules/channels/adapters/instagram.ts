import { metaHandshake, verifyMetaSignature } from './meta';
import { parseMessagingWebhook } from './meta-messaging';
import { fitBytes, sendMessengerPlatform } from './meta-send';
import type { ChannelAdapter } from './types';

interface Config { accountId: string; accessToken: string; appSecret: string; verifyToken: string; graphBaseUrl: string }

/**
 * Instagram Messaging: Messenger Platform webhooks with `object: "instagram"`; the customer's
 * handle is their Instagram-scoped id (IGSID). Meta gives no name without a profile call.
 */
export const instagram: ChannelAdapter<Config> = {
  type: 'instagram',
  ratePerSecond: 20,
  handleIsPhone: false,

  verify: (req, account) => verifyMetaSignature(req, account.config.appSecret),
  handshake: (req, account) => metaHandshake(req, account.config.verifyToken),
  parse: (req) => parseMessagingWebhook(req.rawBody, 'instagram'),

  send(account, to, message, http) {
    const { graphBaseUrl, accessToken } = account.config;
    // `me` is whoever owns the token: the Page (Facebook Login, graph.facebook.com) or the
    // Instagram account (Instagram Login, graph.instagram.com), so one path serves both logins.
    return sendMessengerPlatform(`${graphBaseUrl.replace(/\/$/, '')}/me/messages`, accessToken, to, message, http,
      (text) => fitBytes(text, 1000)); // Instagram's limit is 1000 bytes of UTF-8
  },
};
