import type { SourceChannel } from '@frontdesk/contracts';

const BY_CHANNEL: Record<string, SourceChannel> = {
  web: 'web', test: 'test', whatsapp_cloud: 'whatsapp', evolution: 'whatsapp', twilio_whatsapp: 'whatsapp',
  instagram: 'instagram', messenger: 'messenger', telegram: 'telegram', twilio_sms: 'sms', email: 'email',
};

/** Where a booking the assistant makes came from: the channel of its conversation (the web chat when unknown). */
export function bookingSourceOf(channel: string | null | undefined): SourceChannel {
  return (channel && BY_CHANNEL[channel]) || 'web';
}
