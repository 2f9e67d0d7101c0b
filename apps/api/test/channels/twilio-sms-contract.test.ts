import { channelContract } from './contract';
import { twilioHarness } from './provider-harnesses';

// Speedy Van answers over SMS (Twilio) in en-GB: the offered times come back as a numbered menu.
channelContract(twilioHarness('twilio_sms', `AC${'5'.repeat(32)}`, '+447700900001',
  { blueprint: 'speedy-van', handle: '+447911123456', bookingRequest: "Hi, I'd like to book a small van on Friday morning" }));
