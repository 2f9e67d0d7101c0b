import { describe, expect, it } from 'vitest';
import { email } from './email';
import { mailbox } from './email-inbound';
import { subjectOf } from './email-smtp';
import { WebhookParseError } from './types';

const account = {
  id: 'c1', tenantId: 't1', type: 'email' as const,
  config: { from: 'Bookings@Speedy-Van.example', smtpHost: '127.0.0.1', smtpPort: 2525, smtpSecure: false, inboundSecret: 's3cret-inbound' },
};
const request = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST', url: 'https://desk.example/v1/webhooks/c1', headers, query: {}, receivedAt: Date.parse('2026-11-25T13:00:00Z'),
  rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});
const parse = (mail: Record<string, unknown>) => email.parse(request(mail), account);
const mail = {
  from: 'John Smith <John.Smith@Example.co.uk>', to: 'bookings@speedy-van.example', subject: 'Van on Friday',
  text: "Hi, I'd like to book a small van on Friday morning.\n\n-- \nJohn", messageId: '<CAF1@mail.example.co.uk>',
  date: 'Wed, 25 Nov 2026 12:58:00 +0000',
};

describe('email inbound webhooks', () => {
  it('accepts only the shared secret in x-frontdesk-secret', () => {
    expect(email.verify(request(mail, { 'x-frontdesk-secret': 's3cret-inbound' }), account)).toEqual({ ok: true });
    expect(email.verify(request(mail, { 'x-frontdesk-secret': 's3cret-inbounD' }), account)).toEqual({ ok: false, status: 401, reason: 'bad x-frontdesk-secret' });
    expect(email.verify(request(mail, { 'x-frontdesk-secret': 's3cret' }), account).ok).toBe(false);
    expect(email.verify(request(mail), account)).toEqual({ ok: false, status: 401, reason: 'missing x-frontdesk-secret' });
  });

  it('reads the new plain text from the lower-cased sender, with their name, date and thread', () => {
    expect(parse({ ...mail, references: '<a@x> <b@x>' })).toEqual([{
      kind: 'message', providerMessageId: '<CAF1@mail.example.co.uk>', from: 'john.smith@example.co.uk', name: 'John Smith',
      at: Date.parse('2026-11-25T12:58:00Z'), content: { type: 'text', text: "Hi, I'd like to book a small van on Friday morning." },
      thread: { subject: 'Van on Friday', messageId: '<CAF1@mail.example.co.uk>', references: ['<a@x>', '<b@x>', '<CAF1@mail.example.co.uk>'] },
    }]);
  });

  it('strips the quoted conversation in en, pt and es', () => {
    const said = (text: string) => (parse({ ...mail, text })[0] as { content: { text: string } }).content.text;
    expect(said('2\n\nOn Wed, 25 Nov 2026 at 13:05, Speedy Van <bookings@speedy-van.example> wrote:\n> 1. Fri 27 Nov, 09:00')).toBe('2');
    expect(said('A segunda\n\nEm qua., 25 de nov. de 2026 às 10:00, Kumon <k@k.example> escreveu:\n> 1. sex.')).toBe('A segunda');
    expect(said('La tercera\n\nEl mié, 25 nov 2026 a las 10:00, BarberPro <b@b.example> escribió:\n> 1. vie.')).toBe('La tercera');
  });

  it('takes the time Frontdesk received it when the mail has no date, and the subject when the body is empty', () => {
    const [event] = parse({ ...mail, date: undefined, text: '\n> old\n', subject: 'RE: Fwd: Quote for a move on Saturday' });
    expect(event).toMatchObject({ at: Date.parse('2026-11-25T13:00:00Z'), content: { type: 'text', text: 'Quote for a move on Saturday' } });
  });

  it('reads an HTML-only mail and keeps stored attachments by reference', () => {
    const events = parse({ ...mail, text: '', html: '<p>Photos of the sofa attached</p>', attachments: [
      { filename: 'sofa.jpg', contentType: 'image/jpeg', url: 'https://mail.example/att/1' },
      { filename: 'inline.png', contentType: 'image/png' },
      { filename: 'list.pdf', contentType: 'application/pdf', url: 'https://mail.example/att/3' },
    ] });
    expect(events.map((e) => e.kind === 'message' && [e.providerMessageId, e.content])).toEqual([
      ['<CAF1@mail.example.co.uk>', { type: 'text', text: 'Photos of the sofa attached' }],
      ['<CAF1@mail.example.co.uk>#1', { type: 'media', mediaType: 'image', ref: 'https://mail.example/att/1', mimeType: 'image/jpeg' }],
      ['<CAF1@mail.example.co.uk>#3', { type: 'media', mediaType: 'document', ref: 'https://mail.example/att/3', mimeType: 'application/pdf' }],
    ]);
  });

  it('ignores bounces, auto-replies and our own sends', () => {
    const ignored = (overrides: Record<string, unknown>) => parse({ ...mail, ...overrides })[0]!.kind;
    expect(ignored({ from: 'Mail Delivery Subsystem <MAILER-DAEMON@googlemail.com>' })).toBe('ignored');
    expect(ignored({ from: 'postmaster@example.co.uk' })).toBe('ignored');
    expect(ignored({ autoSubmitted: 'auto-replied' })).toBe('ignored');
    expect(ignored({ headers: { 'Auto-Submitted': 'auto-generated' } })).toBe('ignored');
    expect(ignored({ headers: { Precedence: 'auto_reply' } })).toBe('ignored');
    expect(ignored({ headers: { 'X-Autoreply': 'yes' } })).toBe('ignored');
    expect(ignored({ from: 'Speedy Van <bookings@speedy-van.example>' })).toBe('ignored');
    expect(ignored({ autoSubmitted: 'no' })).toBe('message');
    expect(parse({ ...mail, text: '> only a quote' , subject: '' })).toEqual([{ kind: 'ignored', providerEventId: '<CAF1@mail.example.co.uk>', reason: 'nothing new in the mail' }]);
  });

  it('refuses a body that is not a parsed mail', () => {
    expect(() => email.parse(request('not json'), account)).toThrow(WebhookParseError);
    expect(() => parse({ ...mail, messageId: undefined })).toThrow(/messageId/);
    expect(() => parse({ ...mail, from: 42 })).toThrow(WebhookParseError);
    expect(() => parse({ ...mail, from: 'no address here' })).toThrow(/from has no address/);
    expect(() => parse({ ...mail, attachments: [{ filename: 'x' }] })).toThrow(/attachments/);
  });
});

describe('email addresses and subjects', () => {
  it('parses "Name <addr>", quoted names, comments and bare addresses', () => {
    expect(mailbox('Ana Souza <Ana.Souza@Example.com.br>')).toEqual({ address: 'ana.souza@example.com.br', name: 'Ana Souza' });
    expect(mailbox('"Smith, John" <john@example.co.uk>')).toEqual({ address: 'john@example.co.uk', name: 'Smith, John' });
    expect(mailbox('juan@example.com.ar (Juan Pérez)')).toEqual({ address: 'juan@example.com.ar', name: 'Juan Pérez' });
    expect(mailbox('PRIYA@EXAMPLE.IN')).toEqual({ address: 'priya@example.in' });
    expect(mailbox('<>')).toBeUndefined();
  });

  it('answers "Re: <their subject>" once, or a plain subject in their language', () => {
    const thread = (subject: string) => ({ subject, messageId: '<m@x>', references: ['<m@x>'] });
    expect(subjectOf({ text: 'x', thread: thread('Van on Friday') })).toBe('Re: Van on Friday');
    expect(subjectOf({ text: 'x', thread: thread('RE: Van on Friday') })).toBe('RE: Van on Friday');
    expect(subjectOf({ text: 'x', lang: 'pt' })).toBe('Sua mensagem');
    expect(subjectOf({ text: 'x', lang: 'es', thread: thread(' ') })).toBe('Tu mensaje');
  });
});
