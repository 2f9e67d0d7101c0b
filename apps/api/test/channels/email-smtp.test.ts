import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { email } from '../../src/modules/channels/adapters/email';
import { startFakeSmtp, type FakeSmtp } from '../harness/fakes/smtp';

let smtp: FakeSmtp;
let authed: FakeSmtp;
beforeAll(async () => {
  smtp = await startFakeSmtp();
  authed = await startFakeSmtp({ user: 'desk', password: 'right-password' });
});
afterAll(async () => {
  await smtp?.close();
  await authed?.close();
});

const account = (server: FakeSmtp, login: { smtpUser?: string; smtpPassword?: string } = {}) => ({
  id: 'c1', tenantId: 't1', type: 'email' as const,
  config: { from: 'bookings@speedy-van.example', smtpHost: server.host, smtpPort: server.port, smtpSecure: false, inboundSecret: 's', ...login },
});
const offer = {
  text: 'I can offer these times:', lang: 'en' as const,
  options: [{ id: 'slot-1', label: 'Fri 27 Nov, 09:00' }, { id: 'slot-2', label: 'Fri 27 Nov, 10:00' }],
  thread: { subject: 'Van on Friday', messageId: '<CAF1@mail.example.co.uk>', references: ['<a@x>', '<CAF1@mail.example.co.uk>'] },
};
const send = (server: FakeSmtp, to: string, message: Parameters<typeof email.send>[2] = offer, login = {}) =>
  email.send(account(server, login), to, message, fetch);

describe('email sends over a real SMTP conversation', () => {
  it("answers in the customer's thread, options as a numbered menu, and returns the Message-ID", async () => {
    const outcome = await send(smtp, 'john.smith@example.co.uk');
    const mail = smtp.received.find((m) => m.to.includes('john.smith@example.co.uk'))!;
    expect(outcome).toEqual({ ok: true, providerMessageId: mail.messageId });
    expect(mail).toMatchObject({
      envelopeFrom: 'bookings@speedy-van.example', from: 'bookings@speedy-van.example', subject: 'Re: Van on Friday',
      inReplyTo: '<CAF1@mail.example.co.uk>', references: ['<a@x>', '<CAF1@mail.example.co.uk>'],
    });
    expect(mail.text.trim()).toBe('I can offer these times:\n\n1. Fri 27 Nov, 09:00\n2. Fri 27 Nov, 10:00\n\nReply with the number of your choice.');
  });

  it('writes a plain subject when there is no thread to answer', async () => {
    await send(smtp, 'ana@example.com.br', { text: 'Olá!', lang: 'pt' });
    const mail = smtp.received.find((m) => m.to.includes('ana@example.com.br'))!;
    expect(mail.subject).toBe('Sua mensagem');
    expect(mail.inReplyTo).toBeUndefined();
  });

  it('retries a temporary refusal (451) at RCPT TO or at DATA', async () => {
    smtp.failNext(1, 451, '4.7.1 Greylisted, try again later');
    expect(await send(smtp, 'grey@example.com')).toMatchObject({ ok: false, action: 'retry', error: { code: '451' } });
    smtp.failNext(1, 452, '4.3.1 Insufficient system storage', 'data');
    expect(await send(smtp, 'grey@example.com')).toMatchObject({ ok: false, action: 'retry', error: { code: '452' } });
    expect(smtp.received.filter((m) => m.to.includes('grey@example.com'))).toHaveLength(0);
  });

  it('gives up on a mailbox that does not exist (550, 551, 553)', async () => {
    for (const code of [550, 551, 553]) {
      smtp.failNext(1, code, '5.1.1 No such user here');
      expect(await send(smtp, 'nobody@example.com')).toMatchObject({ ok: false, action: 'undeliverable', error: { code: String(code) } });
    }
  });

  it('fails the message, without giving up on the address, on another permanent refusal (554 at DATA)', async () => {
    smtp.failNext(1, 554, '5.7.1 Message rejected as spam', 'data');
    expect(await send(smtp, 'strict@example.com')).toMatchObject({ ok: false, action: 'fail', error: { code: '554' } });
  });

  it('logs in when the channel has a user, and fails (no retry) on wrong credentials (535)', async () => {
    expect(await send(authed, 'ok@example.com', offer, { smtpUser: 'desk', smtpPassword: 'right-password' })).toMatchObject({ ok: true });
    expect(authed.received.map((m) => m.to)).toEqual([['ok@example.com']]);
    expect(await send(authed, 'ok@example.com', offer, { smtpUser: 'desk', smtpPassword: 'wrong' }))
      .toMatchObject({ ok: false, action: 'fail', error: { code: '535' } });
  });

  it('retries when the SMTP server cannot be reached', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await email.send({ ...account(smtp), config: { ...account(smtp).config, smtpPort: port } }, 'x@example.com', offer, fetch);
    expect(outcome).toMatchObject({ ok: false, action: 'retry', error: { title: 'The SMTP server could not be reached' } });
    expect((outcome as { error: { detail: string } }).error.detail).toMatch(/ECONNREFUSED/);
  });
});
