import { fit } from '../domain/render';
import { metaHandshake, verifyMetaSignature } from './meta';
import { parseMessagingWebhook } from './meta-messaging';
import { sendMessengerPlatform } from './meta-send';
import type { ChannelAdapter } from './types';

interface Config { pageId: string; accessToken: string; appSecret: string; verifyToken: string; graphBaseUrl: string }

/**
 * Facebook Messenger: webhooks with `object: "page"`; the customer's handle is their page-scoped
 * id (PSID). Meta gives no name without a profile call.
 */
export const messenger: ChannelAdapter<Config> = {
  type: 'messenger',
  ratePerSecond: 20,
  handleIsPhone: false,

  // Messenger may still sign with the legacy sha1 header alone.
  verify: (req, account) => verifyMetaSignature(req, account.config.appSecret, { legacySha1: true }),
  handshake: (req, account) => metaHandshake(req, account.config.verifyToken),
  parse: (req) => parseMessagingWebhook(req.rawBody, 'page'),

  send(account, to, message, http) {
    const { graphBaseUrl, pageId, accessToken } = account.config;
    return sendMessengerPlatform(`${graphBaseUrl.replace(/\/$/, '')}/${pageId}/messages`, accessToken, to, message, http,
      (text) => fit(text, 2000));
  },
};
