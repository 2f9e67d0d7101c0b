import { channelContract } from './contract';
import { twilioHarness } from './provider-harnesses';

// Kumon Vila A over WhatsApp through Twilio in pt-BR: handles are whatsapp:+…, options a numbered menu.
channelContract(twilioHarness('twilio_whatsapp', `AC${'7'.repeat(32)}`, 'whatsapp:+551130000000',
  { blueprint: 'kumon-vila-a', handle: 'whatsapp:+5511987654321', bookingRequest: 'Oi, queria marcar uma avaliação na sexta de manhã' }, 'Ana'));
