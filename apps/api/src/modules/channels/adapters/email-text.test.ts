import { describe, expect, it } from 'vitest';
import { htmlAsText, newText } from './email-text';

describe('what a customer newly wrote in an email', () => {
  it('drops a Gmail-style quote in English, with the header wrapped over two lines', () => {
    const mail = [
      'Friday at 9 works for me, thanks!',
      '',
      'On Wed, 25 Nov 2026 at 13:05, Speedy Van <bookings@speedy-van.example>',
      'wrote:',
      '',
      '> Here are the times I can offer:',
      '> 1. Fri 27 Nov, 09:00',
    ].join('\r\n');
    expect(newText(mail)).toBe('Friday at 9 works for me, thanks!');
  });

  it('drops quotes in Portuguese ("Em … escreveu:") and Spanish ("El … escribió:")', () => {
    expect(newText('Pode ser na sexta às 10h.\n\nEm qua., 25 de nov. de 2026 às 10:00, Kumon Vila A <contato@kumon.example> escreveu:\n> Olá! Posso oferecer:\n> 1. sex., 27 de nov., 10:00'))
      .toBe('Pode ser na sexta às 10h.');
    expect(newText('Dale, el viernes a las 18.\n\nEl mié, 25 nov 2026 a las 10:00, BarberPro (<turnos@barberpro.example>) escribió:\n> ¿Qué horario preferís?'))
      .toBe('Dale, el viernes a las 18.');
  });

  it('keeps what the customer wrote below the quote, and their inline answers between quoted lines', () => {
    expect(newText('On Wed, 25 Nov 2026, Speedy Van <bookings@speedy-van.example> wrote:\n> Which day suits you?\nSaturday please'))
      .toBe('Saturday please');
    expect(newText('> Which day suits you?\nSaturday\n> And the time?\nMorning')).toBe('Saturday\nMorning');
  });

  it('drops an Outlook original message, unindented under a From/Sent block or a separator', () => {
    expect(newText('Yes, 2 please.\n\n________________________________\nFrom: Flexoraa <sales@flexoraa.example>\nSent: 25 November 2026 18:30\nSubject: Discovery call\n\nPick a time'))
      .toBe('Yes, 2 please.');
    expect(newText('Sim, a opção 1.\n\n-----Mensagem original-----\nDe: Kumon\nEnviada em: quarta-feira\nOlá')).toBe('Sim, a opção 1.');
    expect(newText('Sí, la 3.\nDe: BarberPro <turnos@barberpro.example>\nEnviado: miércoles\nPara: Juan\n¿Cuál?')).toBe('Sí, la 3.');
  });

  it('drops the signature after "-- " and a phone\'s footer', () => {
    expect(newText('I need to move a sofa.\n\n-- \nJohn Smith\nSmith & Sons Ltd\n+44 20 7946 0000')).toBe('I need to move a sofa.');
    expect(newText('Quero marcar uma avaliação.\n\nEnviado do meu iPhone')).toBe('Quero marcar uma avaliação.');
    expect(newText('Quiero un turno.\n\nEnviado desde mi Samsung Galaxy')).toBe('Quiero un turno.');
  });

  it('keeps a message that only mentions writing ("On Friday …")', () => {
    expect(newText('On Friday morning, please.\nThanks')).toBe('On Friday morning, please.\nThanks');
  });
});

describe('an HTML-only mail', () => {
  it('reads as text without its blockquoted history, however deeply nested', () => {
    const html = '<html><head><style>p{color:red}</style></head><body><div>Book me in for <b>Friday</b>&nbsp;&amp; thanks<br>Ana</div>'
      + '<div class="gmail_quote">On Wed, 25 Nov 2026, Speedy Van wrote:<blockquote>Old <blockquote>older</blockquote> text</blockquote></div></body></html>';
    expect(newText(htmlAsText(html))).toBe('Book me in for Friday & thanks\nAna');
  });
});
