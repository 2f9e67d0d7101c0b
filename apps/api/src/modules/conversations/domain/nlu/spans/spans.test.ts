import { describe, expect, it } from 'vitest';
import { barber, kumon, NOW, van } from '../testing';
import type { Awaited, UnderstandContext } from '../types';
import { understand } from '../understand';

const en: UnderstandContext = { now: NOW, timeZone: 'America/Los_Angeles', locale: 'en-US', lastLang: 'en', services: [], staff: [] };
const doctors: UnderstandContext = { ...en, services: [{ id: 'gyn', name: 'Gynecologist' }, { id: 'fc', name: 'Family Counselor', synonyms: ['family therapist'] }] };
const entity = (key: 'providerName' | 'place' | 'address' | 'title', ctx: UnderstandContext, awaiting?: Awaited[]) =>
  (text: string) => understand(text, awaiting ? { ...ctx, awaiting } : ctx).entities[key];

type Row = [string, string | undefined];
const table = (name: string, get: (text: string) => string | undefined, rows: Row[]) => describe(name, () => {
  it.each(rows)('%s → %s', (text, want) => expect(get(text)).toBe(want));
});

table('provider names (en)', entity('providerName', doctors), [
  ['Can I book with Dr. Lee at 1:30?', 'Dr. Lee'],
  ['I wish to see Dr. Thomas Stodgel at 1:30 in the afternoon.', 'Dr. Thomas Stodgel'],
  ["I'd like to see Jonathan S. Berek, MD, MMS.", 'Jonathan S. Berek, MD, MMS'],
  ["No, the salon's name is actually Hairapy.", 'Hairapy'],
  ['I would like to make an appointment at a Supercuts salon.', 'Supercuts'],
  ['I would rather go to the salon Fig & Clover.', 'Fig & Clover'],
  ['No.Sunrise Dental is the name of dentist.', 'Sunrise Dental'],
  ['Please book my appointment at Premier Family Dental: Dr. Peter Han.', 'Premier Family Dental: Dr. Peter Han'],
  ["What is Dr. Sabi's rating?", 'Dr. Sabi'],
  ["I'd like to go to A J Dental Lab on march 7th at 14:45", 'A J Dental Lab'],
  // not names
  ['I am looking for a doctor. Ophthalmologist specifically.', undefined],
  ["I'd like to see a Family Counselor.", undefined],
  ['I want to see a Family Therapist in Santa Rosa.', undefined],
  ['Can you share their address with Joshua?', undefined],
  ['Tuesday next week at Half past 10 in the morning.', undefined],
  ['Thomas P Farris please.', undefined],
]);

table('provider names when the name was asked', entity('providerName', en, ['provider']), [
  ['Thomas P Farris please.', 'Thomas P Farris'],
  ['Yes, Nisha Dharmani Dentistry.', 'Nisha Dharmani Dentistry'],
]);

table('provider names (es, pt)', (t) => understand(t, /\b(?:com|queria)\b/.test(t) ? kumon : barber).entities.providerName, [
  ['quiero turno con Nico el viernes', 'Nico'],
  ['¿tienen lugar con la Dra. Pérez mañana?', 'Dra. Pérez'],
  ['Hola, quiero un turno para mañana', undefined],
  ['queria marcar com a Mariana amanhã', 'Mariana'],
  ['queria marcar com o Dr. Silva', 'Dr. Silva'],
]);

table('places (en)', entity('place', doctors), [
  ['Can you find me a salon in Los Gatos?', 'Los Gatos'],
  ['I need a dentist in redwood city please', 'Redwood City'],
  ['Find me something in the Emeryville area.', 'Emeryville'],
  ["I'd like a Burlingame based dermatologist.", 'Burlingame'],
  ['I want to look for a salon at SFO.', 'San Francisco'],
  ['I need a psychologist, in San Francisco if available.', 'San Francisco'],
  ['A gynecologist, but I need them in San Jose actually.', 'San Jose'],
  ['Oakland.', 'Oakland'],
  // not places
  ["I'm in dire need of a therapist.", undefined],
  ['I haven’t had a haircut in quite some time.', undefined],
  ['Around lunch would be good, so let us try 12:30.', undefined],
  ['Thanks Bye!', undefined],
  ['I want to go to Dr. Anthony Boyce in the afternoon.', undefined],
]);

table('places when the place was asked', entity('place', doctors, ['place']), [
  ['anywhere in fremont works.', 'Fremont'],
  ['Oakland gynecologist please', 'Oakland'],
  ['Sunnyvale please.', 'Sunnyvale'],
]);

table('places (es, pt)', (t) => understand(t, /\b(?:em|perto)\b/.test(t) ? kumon : barber).entities.place, [
  ['¿tienen turno en Palermo?', 'Palermo'],
  ['vocês têm unidade em Pinheiros?', 'Pinheiros'],
  ['tem alguma perto de Moema?', 'Moema'],
]);

table('addresses and venues', entity('address', van), [
  ['It is at 881 7th Avenue', '881 7th Avenue'],
  ['The event is at 877 West Fremont Avenue Ste J2. It starts at 11 am.', '877 West Fremont Avenue Ste J2'],
  ['Add to my calendar an event at 261 Driggs Avenue, Brooklyn.', '261 Driggs Avenue, Brooklyn'],
  ['with the event location as 125 Crescent Drive.', '125 Crescent Drive'],
  ['The title would be Laundry and it would be taking place at the Laundry room.', 'Laundry room'],
  ['a mudança sai da Rua Augusta, 1500 amanhã', 'Rua Augusta, 1500'],
  ['estoy en Av. Corrientes 1234, piso 3', 'Av. Corrientes 1234'],
  ['The location is correct and the time is fine.', undefined],
  ['a table for 2 at 8 people', undefined],
]);

table('titles', entity('title', en), [
  ['Call it Team sync', 'Team sync'],
  ['Use Movie show as the title of the event.', 'Movie show'],
  ['The address is correct. Doctor appointment is the title of the event.', 'Doctor appointment'],
  ['Label it Appointment and put the time as 3 in the afternoon.', 'Appointment'],
  ['Thanks a lot! I would like to add doctor appointment to my calendar at 12 pm.', 'doctor appointment'],
  ['Title it as The Hives Concert.', 'The Hives Concert'],
  ['Please put event title as General Practitioner Appointment with Roxanne C. Fiscella, M.D.', 'General Practitioner Appointment with Roxanne C. Fiscella, M.D.'],
  ['Put it under Stylist visit.', 'Stylist visit'],
  ['Put Appointment with Orthoworks Invisalign And Orthodontic Group for the title.', 'Appointment with Orthoworks Invisalign And Orthodontic Group'],
  ['agendá "Reunión con Ana" el viernes', 'Reunión con Ana'],
  ['con el título Clase de prueba', 'Clase de prueba'],
  ['marca com o nome Aula experimental', 'Aula experimental'],
  // not titles
  ['Add this appointment to my calendar', undefined],
  ['Can you call a cab for me?', undefined],
  ['My name is John Smith', undefined],
  ['I would like 11 o"clock in the morning, and the 5th o"clock is fine', undefined],
]);

table('titles when the title was asked', entity('title', en, ['title']), [
  ['Hairdresser appointment.', 'Hairdresser appointment'],
  ['Great. Input Dentist at evening 5:15.', 'Dentist'],
  ['Just put Movie at Stanford Theatre will do.', 'Movie at Stanford Theatre'],
  ['stylist and six pm', 'stylist'],
  ['The address is correct.', undefined],
  ["It's perfect!", undefined],
]);

describe('named spans in the understanding', () => {
  it('leaves them out when there are none, and never lets them change the intent', () => {
    const u = understand('quiero cortarme el pelo con Nico el viernes a las 18', barber);
    expect(u.entities).toMatchObject({ providerName: 'Nico', staff: [{ id: 'nico' }] });
    expect(u.intent).toBe('book');
    expect(understand('sim', kumon).entities).not.toHaveProperty('providerName');
  });
});
