import { describe, expect, it } from 'vitest';
import { type Expect, texts, values } from './test-helpers';

// Reference: Wednesday 2026-11-25 10:00 (America/Sao_Paulo, same wall clock as Buenos Aires).
const CASES: [string, Expect[]][] = [
  // PLATFORM-NOTES §7: chrono-node failures and successes
  ['mañana por la tarde', [{ date: '2026-11-26', partOfDay: 'afternoon' }]],
  ['pasado mañana', [{ date: '2026-11-27' }]],
  ['el martes a las 10', [{ date: '2026-12-01', time: '10:00' }]],
  ['mañana a la tarde', [{ date: '2026-11-26', partOfDay: 'afternoon' }]],
  ['mañana a las 15:00', [{ date: '2026-11-26', time: '15:00' }]],
  ['el próximo viernes a las 9', [{ date: '2026-11-27', time: '09:00' }]],
  // relative days and weekdays
  ['hoy', [{ date: '2026-11-25' }]],
  ['mañana', [{ date: '2026-11-26' }]],
  ['el día después de mañana', [{ date: '2026-11-27' }]],
  ['ayer', [{ date: '2026-11-24' }]],
  ['el viernes', [{ date: '2026-11-27' }]],
  ['el viernes que viene', [{ date: '2026-11-27' }]],
  ['el viernes de la semana que viene', [{ date: '2026-12-04' }]],
  ['el viernes de la próxima semana', [{ date: '2026-12-04' }]],
  ['el viernes siguiente', [{ date: '2026-12-04' }]],
  ['este viernes', [{ date: '2026-11-27' }]],
  ['el miércoles', [{ date: '2026-12-02' }]],
  ['el miércoles a las 19', [{ date: '2026-11-25', time: '19:00' }]],
  ['el lunes 30', [{ date: '2026-11-30' }]],
  // parts of day
  ['por la mañana', [{ partOfDay: 'morning' }]],
  ['a la noche', [{ partOfDay: 'evening' }]],
  ['esta noche', [{ date: '2026-11-25', partOfDay: 'evening' }]],
  ['mañana en la mañana', [{ date: '2026-11-26', partOfDay: 'morning' }]],
  ['de madrugada', [{ partOfDay: 'night' }]],
  // times
  ['a las 5', [{ time: '17:00' }]],
  ['a las 5 de la mañana', [{ time: '05:00' }]],
  ['a las 8', [{ time: '08:00' }]],
  ['a la 1', [{ time: '13:00' }]],
  ['a las 11 de la noche', [{ time: '23:00' }]],
  ['a las 15h', [{ time: '15:00' }]],
  ['a las 9h30', [{ time: '09:30' }]],
  ['a las siete y media', [{ time: '19:30' }]],
  ['a las ocho y cuarto', [{ time: '08:15' }]],
  ['a las nueve menos cuarto', [{ time: '08:45' }]],
  ['5pm', [{ time: '17:00' }]],
  ['mediodía', [{ time: '12:00' }]],
  ['al mediodía', [{ time: '12:00' }]],
  ['a medianoche', [{ time: '00:00' }]],
  ['después de las 5', [{ timeRange: { from: '17:00' } }]],
  ['antes de las 10', [{ timeRange: { to: '10:00' } }]],
  ['antes del mediodía', [{ timeRange: { to: '12:00' }, partOfDay: 'morning' }]],
  ['entre las 3 y las 5', [{ timeRange: { from: '15:00', to: '17:00' } }]],
  ['de 10 a 12', [{ timeRange: { from: '10:00', to: '12:00' } }]],
  ['dentro de 2 horas', [{ date: '2026-11-25', time: '12:00' }]],
  ['en una hora', [{ date: '2026-11-25', time: '11:00' }]],
  ['en 3 días', [{ date: '2026-11-28' }]],
  // ranges and explicit dates
  ['este finde', [{ dateRange: { from: '2026-11-28', to: '2026-11-29' } }]],
  ['el fin de semana que viene', [{ dateRange: { from: '2026-12-05', to: '2026-12-06' } }]],
  ['la semana que viene', [{ dateRange: { from: '2026-11-30', to: '2026-12-06' } }]],
  ['la próxima semana', [{ dateRange: { from: '2026-11-30', to: '2026-12-06' } }]],
  ['el 3 de diciembre', [{ date: '2026-12-03' }]],
  ['3/12', [{ date: '2026-12-03' }]],
  ['el 15', [{ date: '2026-12-15' }]],
  ['del 3 al 12 de diciembre', [{ dateRange: { from: '2026-12-03', to: '2026-12-12' } }]],
  ['de lunes a viernes', [{ dateRange: { from: '2026-11-30', to: '2026-12-04' } }]],
  ['a principios de diciembre', [{ dateRange: { from: '2026-12-01', to: '2026-12-15' } }]],
  ['a mediados de la semana que viene', [{ dateRange: { from: '2026-12-01', to: '2026-12-04' } }]],
  ['el primer lunes de diciembre', [{ date: '2026-12-07' }]],
  ['los próximos 3 días', [{ dateRange: { from: '2026-11-26', to: '2026-11-28' } }]],
  ['navidad', [{ date: '2026-12-25' }]],
  // combinations
  ['el jueves 3 de diciembre a las 4 de la tarde', [{ date: '2026-12-03', time: '16:00' }]],
  ['mañana de 3 a 5', [{ date: '2026-11-26', timeRange: { from: '15:00', to: '17:00' } }]],
  ['a las 12 del mediodía', [{ time: '12:00' }]],
  ['a la una del mediodía', [{ time: '13:00' }]],
  ['a las ocho menos diez', [{ time: '07:50' }]], // the spoken hour (8) decides am/pm, not 7:50
  ['del 3 al 5', [{ dateRange: { from: '2026-12-03', to: '2026-12-05' } }]], // this month's 3rd is past
  ['entre el 26 y el 28', [{ dateRange: { from: '2026-11-26', to: '2026-11-28' } }]],
  ['la semana del 14 de diciembre', [{ dateRange: { from: '2026-12-14', to: '2026-12-20' } }]],
  ['la última semana de diciembre', [{ dateRange: { from: '2026-12-28', to: '2027-01-03' } }]],
  ['a las 3 pm o más tarde', [{ timeRange: { from: '15:00' } }]],
  ['¿puedo ir ahora?', [{ date: '2026-11-25', time: '10:00' }]],
  // a bare hour after "para" next to a day (1–7 → pm); not a party size nor a duration
  ['reservame para 10 mañana', [{ date: '2026-11-26', time: '10:00' }]],
  ['mañana para 3', [{ date: '2026-11-26', time: '15:00' }]],
  ['para 4 el viernes', [{ date: '2026-11-27', time: '16:00' }]],
  ['una mesa para 4 mañana', [{ date: '2026-11-26' }]],
  ['para 4 personas mañana', [{ date: '2026-11-26' }]],
  ['mañana para 10 a las 8', [{ date: '2026-11-26' }, { time: '08:00' }]],
  ['pon la alarma para 9 AM', [{ time: '09:00' }]],
  ['para 10 mañana o si no el viernes a las 5', [{ date: '2026-11-26', time: '10:00' }, { date: '2026-11-27', time: '17:00' }]],
  // "pasado (el) mediodía" is the afternoon; "este pasado mediodía" is today's
  ['pasado mediodía', [{ timeRange: { from: '12:00' }, partOfDay: 'afternoon' }]],
  ['nos vemos este pasado mediodía', [{ date: '2026-11-25', partOfDay: 'afternoon' }]],
  // "semana 8" is not a week number when a time marker follows
  ['décima semana 8 p.m.', [{ time: '20:00' }]],
  // "más tarde este mes": the late part of the month, from today when it has started
  ['más tarde este mes', [{ dateRange: { from: '2026-11-25', to: '2026-11-30' } }]],
  ['más tarde esta semana', [{ dateRange: { from: '2026-11-26', to: '2026-11-29' } }]],
  // "en menos de N": like "los próximos N"; "dentro de N semanas a partir de mañana" counts from tomorrow
  ['en menos de 2 semanas', [{ dateRange: { from: '2026-11-26', to: '2026-12-09' } }]],
  ['dentro de menos de 2 horas', [{ date: '2026-11-25', timeRange: { from: '10:00', to: '12:00' } }]],
  ['dentro de tres semanas a partir de mañana', [{ date: '2026-12-17' }]],
  // weekday abbreviations without a dot count inside a list or range of days
  ['de lunes a mar', [{ dateRange: { from: '2026-11-30', to: '2026-12-01' } }]],
  ['el lunes, mar o mié', [{ date: '2026-11-30' }, { date: '2026-12-01' }, { date: '2026-12-02' }]],
  ['voy al mar mañana', [{ date: '2026-11-26' }]],
  // "este" pins the current year even when the date has passed; without it: the next occurrence
  ['este 3/11', [{ date: '2026-11-03' }]],
  ['el 3/11', [{ date: '2027-11-03' }]],
  ['este 3 de noviembre', [{ date: '2026-11-03' }]],
  // the end of another day
  ['al final del día de mañana', [{ date: '2026-11-26', partOfDay: 'evening' }]],
  // business days: Monday–Friday after today (Thursday 26, Friday 27, Monday 30, Tuesday 1)
  ['los próximos 4 días hábiles', [{ dateRange: { from: '2026-11-26', to: '2026-12-01' } }]],
  ['los 4 días de trabajo siguientes', [{ dateRange: { from: '2026-11-26', to: '2026-12-01' } }]],
  ['todos los días laborables a las 7', [{ time: '19:00' }]],
  // nothing
  ['Ahora bien, ¿cuánto sale?', []],
  ['cancelá las 2 últimas', []],
  ['Buenas noches, quiero un turno', []],
  ['somos 4 personas', []],
  ['todos los viernes', []],
  ['hay de dos a cuatro personas', []],
];

describe('extractDateTimes es', () => {
  it.each(CASES)('%s', (text, want) => {
    expect(values(text, 'es')).toEqual(want);
  });

  it('keeps the words of each mention', () => {
    expect(texts('¿Tenés algo mañana por la tarde a las 5? si no, el sábado', 'es')).toEqual(['mañana por la tarde a las 5', 'sábado']);
  });
});
