/** Tenant contexts for the understanding's tests: the four blueprint businesses, a fixed clock. */
import type { UnderstandContext } from './types';

export const NOW = Date.parse('2025-06-10T15:00:00Z'); // Tuesday

export const kumon: UnderstandContext = {
  now: NOW, timeZone: 'America/Sao_Paulo', locale: 'pt-BR',
  services: [{ id: 'aval', name: 'Avaliação diagnóstica' }],
  staff: [{ id: 'mariana', name: 'Mariana Costa (orientadora)' }, { id: 'rafael', name: 'Rafael Oliveira (orientador)' }],
  subjects: [{ id: 'mat', name: 'Matemática' }, { id: 'por', name: 'Português' }, { id: 'ing', name: 'Inglês' }],
};

export const barber: UnderstandContext = {
  now: NOW, timeZone: 'America/Argentina/Buenos_Aires', locale: 'es-AR',
  services: [
    { id: 'corte', name: 'Corte' }, { id: 'corte-barba', name: 'Corte + barba' },
    { id: 'barba', name: 'Barba' }, { id: 'color', name: 'Coloración' },
  ],
  staff: [{ id: 'matias', name: 'Matías Fernández' }, { id: 'lucas', name: 'Lucas Romero' }, { id: 'nico', name: 'Nicolás «Nico» Herrera' }],
};

export const van: UnderstandContext = {
  now: NOW, timeZone: 'Europe/London', locale: 'en-GB',
  services: [
    { id: 'small', name: 'Small van + 1 crew (2 h)' }, { id: 'medium-1', name: 'Medium van + 1 crew (3 h)' },
    { id: 'medium-2', name: 'Medium van + 2 crew (4 h)' }, { id: 'luton-half', name: 'Luton van + 2 crew (half day, 4 h)' },
    { id: 'luton-full', name: 'Luton van + 2 crew (full day, 8 h)' },
  ],
  staff: [{ id: 'tom', name: 'Tom Hughes' }, { id: 'priya', name: 'Priya Patel' }, { id: 'daniel', name: 'Daniel Evans' }, { id: 'kwame', name: 'Kwame Mensah' }],
};

export const flexoraa: UnderstandContext = {
  now: NOW, timeZone: 'Asia/Kolkata', locale: 'en-IN',
  services: [{ id: 'call', name: 'Discovery call' }],
  staff: [{ id: 'ananya', name: 'Ananya Sharma (SDR)' }, { id: 'rohan', name: 'Rohan Iyer (SDR)' }],
};

/** Three slots offered on Friday 13 June, as the policy would list them. */
export const offered: NonNullable<UnderstandContext['offered']> = [
  { id: 'o1', label: 'sex., 13 de jun., 10:00', date: '2025-06-13', time: '10:00' },
  { id: 'o2', label: 'sex., 13 de jun., 14:00', date: '2025-06-13', time: '14:00' },
  { id: 'o3', label: 'sex., 13 de jun., 17:00', date: '2025-06-13', time: '17:00' },
];
