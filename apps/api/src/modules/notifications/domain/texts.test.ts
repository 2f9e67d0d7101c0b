import { describe, expect, it } from 'vitest';
import { defaultText, positional, render } from './texts';

describe('notice texts', () => {
  const vars = { name: 'Ana', service: 'Corte', day: 'martes 30 de marzo', time: '17:00', place: ' — BarberPro Palermo', business: 'BarberPro' };

  it('fills named and numbered variables alike', () => {
    expect(render('Hola {{name}}, {{2}} el {{ day }} a las {{4}}.', vars)).toBe('Hola Ana, Corte el martes 30 de marzo a las 17:00.');
  });
  it('leaves no braces or stray spaces for a missing variable', () => {
    expect(render('Hi {{name}}! Your {{service}} at {{time}}{{place}}.', { name: 'Ana', service: 'Cut', time: '10:00' })).toBe('Hi Ana! Your Cut at 10:00.');
    expect(render('Hi {{nobody}} there', {})).toBe('Hi there');
  });
  it('has the reminder say how to answer in each language', () => {
    expect(render(defaultText('booking_reminder', 'es'), vars)).toBe(
      '¡Hola, Ana! Te recordamos tu turno de Corte el martes 30 de marzo a las 17:00 — BarberPro Palermo. Respondé 1 para confirmar, 2 para cambiarlo o 3 para cancelarlo.');
    expect(defaultText('booking_reminder', 'pt')).toContain('Responda 1 para confirmar, 2 para remarcar ou 3 para cancelar');
    expect(defaultText('booking_reminder', 'en')).toContain('Reply 1 to confirm, 2 to reschedule or 3 to cancel');
  });
  it('gives a template its variables in WhatsApp order', () => {
    expect(positional(vars)).toEqual(['Ana', 'Corte', 'martes 30 de marzo', '17:00', ' — BarberPro Palermo', 'BarberPro', '']);
  });
});
