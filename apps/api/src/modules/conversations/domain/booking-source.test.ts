import { describe, expect, it } from 'vitest';
import { ChannelType } from '@frontdesk/contracts';
import { bookingSourceOf } from './booking-source';

describe('the source of a booking the assistant makes', () => {
  it("is the conversation's channel, every WhatsApp provider as whatsapp", () => {
    expect(bookingSourceOf('evolution')).toBe('whatsapp');
    expect(bookingSourceOf('twilio_sms')).toBe('sms');
    expect(bookingSourceOf('test')).toBe('test');
    expect(bookingSourceOf(null)).toBe('web');
  });

  it('knows every channel type there is', () => {
    for (const type of ChannelType.options) expect(bookingSourceOf(type), type).not.toBe('web');
  });
});
