import { expect } from 'vitest';
import type { TestApp } from '../harness/app';
import { api, leadOfConversation, startChat, until } from '../leads/helpers';

/** One customer's identity, distinctive enough to be searched for across the whole database. */
export interface Person {
  name: string; student: string; phone: string; phoneNational: string; email: string;
  /** The number they first gave in the chat, which staff then corrected (the phone history keeps it). */
  oldPhoneNational: string;
  /** A sentence only they wrote. */
  sentence: string;
}

export const BEATRIZ: Person = {
  name: 'Beatriz Quintanilha', student: 'Heitor', phone: '+5511987650001', phoneNational: '(11) 98765-0001',
  email: 'beatriz.quintanilha@example.com', oldPhoneNational: '(11) 97777-0001', sentence: 'meu filho coleciona girafas roxas de pelúcia',
};
export const CARLOS: Person = {
  name: 'Carlos Menezes', student: 'Lívia', phone: '+5511912340002', phoneNational: '(11) 91234-0002',
  email: 'carlos.menezes@example.com', oldPhoneNational: '(11) 96666-0002', sentence: 'minha filha adora tartarugas verdes do aquário',
};

/** The strings an erasure must leave nowhere: the name, the phone as E.164 and as written at home, the e-mail, their sentence. */
export const tracesOf = (p: Person) => [p.name, p.phone, p.phone.slice(1), p.phoneNational, p.phoneNational.replace(/\D/g, ''), p.email, p.sentence,
  p.oldPhoneNational, `+55${p.oldPhoneNational.replace(/\D/g, '')}`];

/**
 * Through the real flows: the web chat books an assessment (consent, offer, name, confirmation) and
 * answers the qualification questions; staff then correct the contact, write a lead note and open a ticket.
 */
export async function seedPerson(app: TestApp, key: string, slug: string, p: Person) {
  const chat = await startChat(app, slug);
  let replies = await chat.send('Oi, queria marcar uma avaliação na sexta de manhã');
  if (replies.some((r) => /SIM ou NÃO/i.test(r.text))) replies = await chat.send('sim');
  const offer = replies.at(-1)?.options?.[0];
  expect(offer, JSON.stringify(replies)).toBeDefined();
  await chat.send(offer!.label);
  await chat.send(p.name);
  await chat.send('sim');
  for (const text of [p.student, 'ele tem 8 anos', '3º ano', 'matemática e inglês', p.oldPhoneNational, p.email, 'Pelo Instagram']) await chat.send(text);
  await chat.send(`obrigada! ${p.sentence}`);
  const [conv] = await app.db.query<{ contact_id: string }>(`SELECT contact_id FROM conversations WHERE id=$1`, [chat.conversationId]);
  const contactId = conv!.contact_id;
  const patched = await api(app, key).patch(`/v1/contacts/${contactId}`, { name: p.name, phone: p.phone, email: p.email });
  expect(patched.statusCode, patched.body).toBe(200);

  const lead = await leadOfConversation(app, key, chat.conversationId);
  const bookingIds = await until(async () => {
    const l = (await api(app, key).get(`/v1/leads/${lead.id}`)).json();
    return l.bookingIds?.length ? l.bookingIds as string[] : undefined;
  }, 'the booking on the lead');
  expect((await api(app, key).post(`/v1/leads/${lead.id}/notes`, { text: `Ligar para ${p.name} no ${p.phoneNational} depois das 18h` })).statusCode).toBe(201);
  const note = await api(app, key).post(`/v1/conversations/${chat.conversationId}/notes`, { text: `${p.name} prefere WhatsApp: ${p.email}` });
  expect(note.statusCode, note.body).toBe(201);
  const ticket = await api(app, key).post('/v1/tickets', { conversationId: chat.conversationId, subject: `Retorno para ${p.name}` });
  expect(ticket.statusCode, ticket.body).toBe(201);
  return { contactId, conversationId: chat.conversationId, leadId: lead.id, bookingIds, ticketId: ticket.json().id as string, chat };
}
