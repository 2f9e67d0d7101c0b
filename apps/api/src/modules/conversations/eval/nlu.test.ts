import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateNlu } from './nlu';
import { goldIntent } from './nlu-sgd-map';
import { awaitedOf, sameSlotValue } from './nlu-sgd-slots';

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

const turn = (id: string, utterance: string, acts: { act: string; slot?: string; values?: string[] }[], extra: Record<string, unknown> = {}) => ({
  id, dialogue_id: 'sgd-test-1', turn_index: Number(id.slice(-1)), domain: 'Services_1', utterance, intent: 'BookAppointment',
  utterance_intent: null, acts: acts.map((a) => ({ domain: 'Services_1', ...a })), act_types: [...new Set(acts.map((a) => a.act))].sort(),
  slots: {}, slots_canonical: {}, spans: [], requested: [], context: [], context_acts: [], annotation: 'full', ...extra,
});

const SGD = [
  turn('t0', 'I want to book a haircut.', [{ act: 'INFORM_INTENT', slot: 'intent', values: ['BookAppointment'] }]),
  turn('t2', 'In San Jose, on March 5th at 4 pm please.', [{ act: 'INFORM', slot: 'city', values: ['San Jose'] }, { act: 'INFORM', slot: 'appointment_date' }, { act: 'INFORM', slot: 'appointment_time' }], {
    slots: { city: 'San Jose', appointment_date: 'March 5th', appointment_time: '4 pm' },
    slots_canonical: { city: 'San Jose', appointment_date: '2019-03-05', appointment_time: '16:00' },
  }),
  turn('t4', 'Yes, that works.', [{ act: 'AFFIRM' }], { context_acts: [{ domain: 'Services_1', act: 'CONFIRM', slot: 'appointment_time', values: ['4 pm'] }] }),
  turn('t6', 'What is their phone number?', [{ act: 'REQUEST', slot: 'phone_number' }]),
  turn('t8', 'No, thank you. That is all.', [{ act: 'NEGATE' }, { act: 'THANK_YOU' }]),
  turn('t9', 'Get me a cab there.', [{ act: 'THANK_YOU' }]),
  // "Concord" is the Weather service's city (dialogue file): neither credited nor a false positive for Services_1
  turn('t3', 'Great. How is the weather in Concord?', [{ act: 'SELECT' }]),
  { ...turn('t1', 'Sure.', []), acts: null, act_types: null, slots_canonical: null, annotation: 'state_only' },
];

const DIALOGUES = [{
  dialogue_id: 'sgd-test-1', turns: [
    { turn_index: 9, speaker: 'USER', frames: [{ service: 'RideSharing_1', actions: [{ act: 'INFORM_INTENT' }] }] },
    { turn_index: 0, speaker: 'USER', frames: [{ service: 'Services_1', actions: [{ act: 'INFORM_INTENT' }] }] },
    { turn_index: 3, speaker: 'USER', frames: [{ service: 'Weather_1', actions: [{ act: 'INFORM', slot: 'city', values: ['Concord'], canonical_values: ['Concord'] }] }] },
  ],
}];

const mtod = (id: string, utterance: string, intent: string, datetime?: string) => {
  const start = datetime ? utterance.indexOf(datetime) : -1;
  const spans = datetime ? [{ slot: 'datetime', start, end: start + datetime.length, value: datetime }] : [];
  return { id, source: 'fb-multilingual-tod', lang: 'es', utterance, intent, slots: datetime ? { datetime } : {}, spans };
};
const MTOD = [
  mtod('m1', 'Pon una alarma para mañana a las 7', 'alarm/set_alarm', 'para mañana a las 7'),
  mtod('m2', 'Cancela mi recordatorio de las 6pm', 'reminder/cancel_reminder', 'de las 6pm'),
  mtod('m3', '¿Va a llover hoy?', 'weather/find', 'hoy'),
  mtod('m4', 'Muéstrame mis alarmas', 'alarm/show_alarms'),
];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
  writeFileSync(join(dir, 'sgd_user_turns.jsonl'), jsonl(SGD));
  writeFileSync(join(dir, 'sgd_dialogues.jsonl.gz'), gzipSync(jsonl(DIALOGUES)));
  writeFileSync(join(dir, 'mtod_es_utterances.jsonl'), jsonl(MTOD));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evaluateNlu on a tiny folder', () => {
  it('scores SGD intents, acts and slots, Spanish intents, and merges the date/time report', async () => {
    const r = await evaluateNlu(dir);
    expect(r.sgd?.turns).toBe(8);
    const intent = r.sgd!.intent;
    // Mapped: book, inform, affirm, deny/thanks; excluded: phone request, state_only, the cab and weather turns (another service).
    expect(intent.mappedTurns).toBe(4);
    expect(intent.excludedTurns).toBe(4);
    expect(intent.excludedBy['also acts on a non-target service (gold incomplete)']).toBe(2);
    expect(intent.intentAccuracy).toBe(1);
    expect(r.sgd!.slots.perSlot.appointment_date).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.sgd!.slots.perSlot.appointment_time).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.sgd!.slots.perSlot.city).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.sgd!.slots.otherServiceValues).toBe(1);
    expect(r.sgd!.acts.turns).toBe(7);
    expect(r.sgd!.mapping).toHaveProperty('SELECT');
    expect(r.mtod).toMatchObject({ mappedUtterances: 3, excludedUtterances: 1, intentAccuracy: 1 });
    expect(r.datetime).toHaveProperty('esSpans');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('works on a folder with missing files', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nlu-eval-empty-'));
    try {
      const r = await evaluateNlu(empty);
      expect(r.sgd).toBeNull();
      expect(r.mtod).toBeNull();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the SGD act → intent mapping', () => {
  it.each([
    [[{ act: 'INFORM_INTENT', values: ['FindProvider'] }], 'BookAppointment', ['book']],
    [[{ act: 'INFORM_INTENT', values: ['GetEvents'] }], 'GetEvents', 'excluded'],
    [[{ act: 'SELECT' }], 'BookAppointment', ['affirm', 'choose_option']],
    [[{ act: 'NEGATE' }, { act: 'THANK_YOU' }], 'NONE', ['deny', 'thanks']],
    [[{ act: 'INFORM' }], 'BookAppointment', ['inform', 'book']],
    [[{ act: 'INFORM' }], 'GetAvailableTime', ['inform']],
    [[{ act: 'INFORM' }, { act: 'NEGATE' }], 'BookAppointment', ['deny', 'inform', 'reschedule', 'book']],
    [[{ act: 'REQUEST', slot: 'street_address' }], 'FindProvider', ['ask_location']],
    [[{ act: 'REQUEST_ALTS' }], 'FindProvider', 'excluded'],
    [null, 'BookAppointment', 'excluded'],
  ] as const)('%j in %s', (acts, state, want) => {
    const g = goldIntent(acts === null ? null : acts.map((a) => ({ ...a, values: 'values' in a ? [...a.values] : undefined })), state);
    if (want === 'excluded') expect(g).toHaveProperty('excluded');
    else expect('accepted' in g ? [...g.accepted].sort() : g).toEqual([...want].sort());
  });
});

describe('SGD slot values', () => {
  it.each([
    ['doctor_name', 'Stewart A. Daniels', ['Stewart A. Daniels, M.D'], true], // dotted credentials are titles too
    ['doctor_name', 'Dr. Thomas Stodgel', ['Dr. Thomas O. Stodgel, MD', 'Dr. Thomas Stodgel'], true],
    ['dentist_name', 'Ana Souza, D.D.S.', ['Ana Souza'], true],
    ['doctor_name', 'Stewart Daniels', ['Stewart A. Daniels'], false],
    ['city', 'san jose', ['San Jose'], true],
    ['appointment_date', '2019-03-05', ['2019-03-05', 'March 5th'], true],
    ['appointment_time', '16:00', ['16:30'], false],
  ] as const)('%s: %s vs %j → %s', (slot, predicted, gold, same) => {
    expect(sameSlotValue(slot, predicted, [...gold])).toBe(same);
  });

  it('tells the understanding what the system asked for', () => {
    expect(awaitedOf(['city', 'dentist_name', 'event_name', 'event_location', 'appointment_time']).sort()).toEqual(['address', 'place', 'provider', 'title']);
    expect(awaitedOf(['appointment_date'])).toEqual([]);
  });
});
