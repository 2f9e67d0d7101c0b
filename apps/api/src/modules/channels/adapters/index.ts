import type { ChannelType } from '@frontdesk/contracts';
import type { ChannelAdapter } from './types';
import { whatsappCloud } from './whatsapp-cloud';
import { email } from './email';
import { telegram } from './telegram';
import { evolution } from './evolution';
import { instagram } from './instagram';
import { messenger } from './messenger';
import { twilioSms, twilioWhatsApp } from './twilio';

/** The providers Frontdesk speaks; a channel type without an adapter here cannot be created. */
export const adapters: Partial<Record<ChannelType, ChannelAdapter>> = {
  whatsapp_cloud: whatsappCloud as unknown as ChannelAdapter,
  telegram: telegram as unknown as ChannelAdapter,
  evolution: evolution as unknown as ChannelAdapter,
  instagram: instagram as unknown as ChannelAdapter,
  messenger: messenger as unknown as ChannelAdapter,
  twilio_sms: twilioSms as unknown as ChannelAdapter,
  twilio_whatsapp: twilioWhatsApp as unknown as ChannelAdapter,
  email: email as unknown as ChannelAdapter,
};
