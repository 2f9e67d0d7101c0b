import type { ChannelType } from '@frontdesk/contracts';
import type { ChannelAdapter } from './types';
import { whatsappCloud } from './whatsapp-cloud';

/** The providers Frontdesk speaks; a channel type without an adapter here cannot be created. */
export const adapters: Partial<Record<ChannelType, ChannelAdapter>> = {
  whatsapp_cloud: whatsappCloud as unknown as ChannelAdapter,
};
