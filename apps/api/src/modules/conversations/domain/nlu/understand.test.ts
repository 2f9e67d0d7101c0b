import { describe, expect, it } from 'vitest';
import { barber, flexoraa, kumon, offered, van } from './testing';
import type { Intent, UnderstandContext } from './types';
import { understand } from './understand';

type Row = [text: string, intent: Intent];

const table = (name: string, ctx: UnderstandContext, rows: Row[]) => describe(name, () => {
  it.each(rows)('%s → %s', (text, intent) => {
    const u = understand(text, ctx);
    expect(u.intent, JSON.stringify(u.ranked.slice(0, 3))).toBe(intent);
  });
});

table('pt-BR (Kumon)', kumon, [
  ['Olá, boa tarde! Queria marcar uma avaliação pro meu filho', 'book'],
  ['queria marcar uma avaliação pro meu filho', 'book'],
  ['Tem horário amanhã de manhã?', 'book'],
  ['gostaria de agendar uma visita para conhecer o método', 'book'],
  ['vcs abrem sábado?', 'ask_hours'],
  ['qual o horário de funcionamento?', 'ask_hours'],
  ['qto custa matematica?', 'ask_price'],
  ['quanto é a mensalidade de português e inglês?', 'ask_price'],
  ['onde fica a unidade?', 'ask_location'],
  ['vcs tem aula de inglês?', 'ask_services'],
  ['preciso remarcar a avaliação de sexta', 'reschedule'],
  ['não posso ir amanhã, dá pra passar pra quinta?', 'reschedule'],
  ['vou ter que cancelar, desculpa', 'cancel'],
  ['quero desmarcar', 'cancel'],
  ['sim', 'affirm'],
  ['pode ser', 'affirm'],
  ['isso mesmo', 'affirm'],
  ['não', 'deny'],
  ['Não, obrigada', 'deny'],
  ['quero falar com uma atendente', 'ask_human'],
  ['posso falar com uma pessoa de verdade?', 'ask_human'],
  ['obrigada!!', 'thanks'],
  ['valeu', 'thanks'],
  ['tchau, até mais', 'goodbye'],
  ['oi', 'greet'],
  ['bom dia', 'greet'],
  ['SAIR', 'opt_out'],
  ['PARAR', 'opt_out'],
  ['não quero mais receber mensagens', 'opt_out'],
  ['apague meus dados', 'erase_data'],
  ['quero que vocês excluam todos os meus dados pessoais, por favor', 'erase_data'],
  ['LGPD: direito ao esquecimento', 'erase_data'],
  ['remova meu número da lista', 'opt_out'],
  ['Meu nome é Ana Paula Souza', 'inform'],
  ['meu filho tem 8 anos e tá no 3º ano', 'inform'],
  ['ana.souza@gmail.com', 'inform'],
  ['(11) 98765-4321', 'inform'],
  ['matemática e inglês', 'inform'],
  ['vai chover amanhã?', 'out_of_scope'],
]);

table('es-AR (BarberPro)', barber, [
  ['Hola! quería sacar un turno', 'book'],
  ['tenés lugar el martes?', 'book'],
  ['quiero cortarme el pelo con Nico el viernes a las 18', 'book'],
  ['q onda, tenes turno x la tarde?', 'book'],
  ['¿me podés pasar los precios?', 'ask_price'],
  ['cuanto sale corte y barba', 'ask_price'],
  ['a qué hora abren los sábados?', 'ask_hours'],
  ['dónde están?', 'ask_location'],
  ['¿hacen coloración?', 'ask_services'],
  ['no puedo ir mañana, lo podemos pasar al jueves?', 'reschedule'],
  ['necesito cambiar el turno', 'reschedule'],
  ['cancelame el turno porfa', 'cancel'],
  ['dale', 'affirm'],
  ['de una', 'affirm'],
  ['sí', 'affirm'],
  ['listo', 'affirm'],
  ['no', 'deny'],
  ['No, gracias', 'deny'],
  ['quiero hablar con una persona', 'ask_human'],
  ['¿puedo hablar con un humano?', 'ask_human'],
  ['muchas gracias!', 'thanks'],
  ['chau', 'goodbye'],
  ['hola', 'greet'],
  ['BAJA', 'opt_out'],
  ['cancelar suscripción', 'opt_out'],
  ['no me manden más mensajes', 'opt_out'],
  ['borren mis datos por favor', 'erase_data'],
  ['quiero que eliminen toda mi información, derecho al olvido', 'erase_data'],
  ['me llamo Juan Pérez', 'inform'],
  ['barba nomás', 'inform'],
  ['somos 2', 'inform'],
  ['¿va a llover mañana?', 'out_of_scope'],
]);

table('en-GB (Speedy Van)', van, [
  ['can I book a cut for Friday after 5', 'book'],
  ['Hi, I need a man and van to move a 2 bed flat next Saturday', 'book'],
  ['do you have any availability next week?', 'book'],
  ['how much for a luton van with 2 men?', 'ask_price'],
  ['can I get a quote', 'ask_price'],
  ['are you open on bank holidays?', 'ask_hours'],
  ["what's your postcode", 'ask_location'],
  ['what services do you offer?', 'ask_services'],
  ['I need to reschedule my move to the 14th', 'reschedule'],
  ['can we move it to next Tuesday?', 'reschedule'],
  ['cancel my booking pls', 'cancel'],
  ["I can't make it anymore, please cancel", 'cancel'],
  ['yes please', 'affirm'],
  ['yep', 'affirm'],
  ['sure', 'affirm'],
  ['sounds good', 'affirm'],
  ['nope', 'deny'],
  ['no thanks', 'deny'],
  ['can I talk to a human', 'ask_human'],
  ['I want to speak to an agent', 'ask_human'],
  ['cheers mate', 'thanks'],
  ['thank you so much', 'thanks'],
  ['bye', 'goodbye'],
  ["that's all, have a nice day", 'goodbye'],
  ['hello', 'greet'],
  ['STOP', 'opt_out'],
  ['unsubscribe', 'opt_out'],
  ['please stop texting me', 'opt_out'],
  ['please delete my data', 'erase_data'],
  ['I want you to erase all of my personal information under GDPR', 'erase_data'],
  ['my name is Priya Patel, 07911 123456', 'inform'],
  ['tmrw morning', 'inform'],
  ["what's the weather like tomorrow?", 'out_of_scope'],
  ['tell me a joke', 'out_of_scope'],
]);

table('en-IN (Flexoraa)', flexoraa, [
  ["Hi, I'd like to book a demo call with your team", 'book'],
  ['haan', 'affirm'],
  ['theek hai', 'affirm'],
  ['nahi', 'deny'],
  ['shukriya', 'thanks'],
  ["what's the pricing?", 'ask_price'],
  ['talk to a sales rep', 'ask_human'],
]);

describe('typos and chat spellings', () => {
  it.each([
    ['qria marcar um horario', kumon, 'book'],
    ['presciso cancelar', kumon, 'cancel'],
    ['kiero sacar un turno', barber, 'book'],
    ['quiero canselar el turno', barber, 'cancel'],
    ['i need to reschedual my apointment', van, 'reschedule'],
    ['how much r ur prices', van, 'ask_price'],
  ] as const)('%s → %s', (text, ctx, intent) => {
    expect(understand(text, ctx).intent).toBe(intent);
  });
});

describe('choosing an offered option', () => {
  const ctx = { ...kumon, offered };
  it.each([
    ['o primeiro', 'o1'], ['a segunda', 'o2'], ['opção 3', 'o3'], ['2', 'o2'], ['a das 14h', 'o2'], ['pode ser a última', 'o3'],
  ])('%s → %s', (text, id) => {
    const u = understand(text, ctx);
    expect(u.intent).toBe('choose_option');
    expect(u.chosenOptionId).toBe(id);
  });

  it('works in Spanish and English too', () => {
    expect(understand('el de las 5', { ...barber, offered }).chosenOptionId).toBe('o3');
    expect(understand('the second one', { ...van, offered }).chosenOptionId).toBe('o2');
  });

  it('reads a plain yes as affirm, not as a choice', () => {
    const u = understand('sim', ctx);
    expect(u.intent).toBe('affirm');
    expect(u.chosenOptionId).toBeUndefined();
  });

  it('needs offered options', () => {
    expect(understand('o primeiro', kumon).intent).not.toBe('choose_option');
  });
});

describe('entities and dates together', () => {
  it('collects everything a booking message carries', () => {
    const u = understand('quero cortarme el pelo con Nico el viernes a las 18', barber);
    expect(u.lang).toBe('es');
    expect(u.entities.services[0]?.id).toBe('corte');
    expect(u.entities.staff[0]?.id).toBe('nico');
    expect(u.dateTimes[0]).toMatchObject({ date: '2025-06-13', time: '18:00' });
  });

  it('reads the Kumon qualification fields', () => {
    const u = understand('Sou a Mariana, meu filho tem 8 anos, está no 3º ano, quer matemática. Meu whats: 11 98765-4321', kumon);
    expect(u.entities).toMatchObject({ personName: 'Mariana', age: 8, schoolYear: '3º ano', phone: '+5511987654321' });
    expect(u.entities.subjects.map((s) => s.id)).toEqual(['mat']);
  });
});

describe('messages with nothing to understand', () => {
  it.each([[''], ['   '], ['😀🎉'], ['???'], ['…'], ['asdfgh qwerty']])('%j → out_of_scope, low confidence', (text) => {
    const u = understand(text, kumon);
    expect(u.intent).toBe('out_of_scope');
    expect(u.confidence).toBeLessThan(0.5);
    expect(u.lang).toBe('pt');
  });

  it('reads a thumbs-up as a yes', () => {
    expect(understand('👍', kumon).intent).toBe('affirm');
  });

  it('handles a 5,000-character message', () => {
    const text = 'Olá, queria marcar uma avaliação na sexta às 10h. '.repeat(100) + '🙂'.repeat(100);
    const u = understand(text, kumon);
    expect(u.intent).toBe('book');
    expect(u.dateTimes.length).toBeGreaterThan(0);
  });

  it('keeps the conversation language for one-word answers', () => {
    expect(understand('ok', { ...van, lastLang: 'en' }).lang).toBe('en');
    expect(understand('ok', { ...kumon, lastLang: 'es' }).lang).toBe('es');
    expect(understand('2', barber).lang).toBe('es');
  });

  it('ranks every intent it considered, best first, with scores in 0..1', () => {
    const u = understand('sim, pode marcar sexta às 10h', kumon);
    expect(u.ranked[0]?.intent).toBe(u.intent);
    for (let i = 1; i < u.ranked.length; i++) expect(u.ranked[i - 1]!.score).toBeGreaterThanOrEqual(u.ranked[i]!.score);
    for (const r of u.ranked) expect(r.score).toBeGreaterThanOrEqual(0);
    expect(u.confidence).toBeLessThanOrEqual(1);
  });
});
