import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateDateTimes } from './datetime';

const lines = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const span = (slot: string, text: string, utterance: string, resolution: unknown) => {
  const start = utterance.indexOf(text);
  return { slot, start, end: start + text.length, value: text, resolution };
};

const ES = [
  // correct: date (parser spec, FutureResolution)
  { id: 'es-1', spec: 'DateParser', utterance: 'volveré mañana', reference_datetime: '2016-11-07T00:00:00',
    spans: [span('date', 'mañana', 'volveré mañana', { Timex: '2016-11-08', FutureResolution: { date: '2016-11-08' } })] },
  // correct: time, ambiguous hour (spec says 07:00, the product says 19:00; no am/pm in the span)
  { id: 'es-2', spec: 'TimeParser', utterance: 'Volvere a las siete', reference_datetime: null,
    spans: [span('time', 'siete', 'Volvere a las siete', { Timex: 'T07', FutureResolution: { time: '07:00:00' } })] },
  // wrong: model spec expects next week's Sunday for "próximo domingo" (the product reads the coming one)
  { id: 'es-3', spec: 'DateTimeModel', utterance: 'el próximo domingo', reference_datetime: '2016-11-07T00:00:00',
    spans: [span('date', 'próximo domingo', 'el próximo domingo', { values: [{ timex: '2016-11-20', type: 'date', value: '2016-11-20' }] })] },
  // excluded: duration
  { id: 'es-4', spec: 'DurationParser', utterance: 'Me voy por 3 horas', reference_datetime: '2016-11-07T00:00:00',
    spans: [span('duration', '3 horas', 'Me voy por 3 horas', { Timex: 'PT3H', FutureResolution: { duration: '10800' } })] },
  // excluded: past relative
  { id: 'es-5', spec: 'DateParser', utterance: 'volví ayer', reference_datetime: '2016-11-07T00:00:00',
    spans: [span('date', 'ayer', 'volví ayer', { Timex: '2016-11-06', FutureResolution: { date: '2016-11-06' } })] },
  // negative case, correct when nothing is extracted
  { id: 'es-6', spec: 'DateTimeModel', utterance: 'Buenos días Paul', reference_datetime: '2016-11-07T00:00:00', spans: [] },
];
const PT = [
  // correct: datetime (date and time in one mention) and a week range with an exclusive end
  { id: 'pt-1', spec: 'DateTimeParser', utterance: 'Vou voltar amanhã 8:00am', reference_datetime: '2016-11-07T00:00:00',
    spans: [span('datetime', 'amanhã 8:00am', 'Vou voltar amanhã 8:00am', { Timex: '2016-11-08T08:00', FutureResolution: { dateTime: '2016-11-08 08:00:00' } })] },
  { id: 'pt-2', spec: 'DatePeriodParser', utterance: 'Estarei fora esta semana', reference_datetime: '2016-11-07T00:00:00',
    spans: [span('daterange', 'esta semana', 'Estarei fora esta semana', { Timex: '2016-W45', FutureResolution: { startDate: '2016-11-07', endDate: '2016-11-14' } })] },
  // excluded: a year (long period)
  { id: 'pt-3', spec: 'DatePeriodParser', utterance: 'Estarei fora no próximo ano', reference_datetime: '2016-11-07T00:00:00',
    spans: [span('daterange', 'próximo ano', 'Estarei fora no próximo ano', { Timex: '2017', FutureResolution: { startDate: '2017-01-01', endDate: '2018-01-01' } })] },
];
const gold = (utterance: string, ...parts: [string, string][]) =>
  ({ utterance, spans: parts.map(([slot, text]) => ({ slot, start: utterance.indexOf(text), end: utterance.indexOf(text) + text.length, value: text })) });
const MTOD = [
  gold('pon una alarma para mañana a las 7', ['datetime', 'para mañana a las 7']),
  gold('recuérdame llamar a Ana el viernes', ['reminder/todo', 'llamar a Ana'], ['datetime', 'el viernes']),
  gold('pon una alarma por 10 minutos', ['datetime', 'por 10 minutos']),
];

describe('evaluateDateTimes (scorer)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dt-eval-'));
    writeFileSync(join(dir, 'datetime_specs_es.jsonl'), lines(ES));
    writeFileSync(join(dir, 'datetime_specs_pt.jsonl.gz'), gzipSync(lines(PT))); // gzip variant is read too
    writeFileSync(join(dir, 'mtod_es_utterances.jsonl'), lines(MTOD));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores resolution, counts exclusions by kind and computes span F1', async () => {
    const r = await evaluateDateTimes(dir);
    expect(r.es).toMatchObject({ n: 4, correct: 3, negatives: 1, resolutionAccuracy: 0.75, excluded: { duration: 1, pastRelative: 1 } });
    expect(r.pt).toMatchObject({ n: 2, correct: 2, resolutionAccuracy: 1, excluded: { longPeriod: 1 } });
    // spans: 2 of 3 gold spans found (the duration is not a date), no false positives
    expect(r.esSpans).toMatchObject({ n: 3, precision: 1, recall: 0.6667 });
    expect(r.esSpans.exactF1).toBe(0.8);
    expect(r.esSpansInScope).toMatchObject({ n: 2, precision: 1, recall: 1, f1: 1 });
  });

  it('reads a written 12 without am/pm as noon or midnight', async () => {
    const one = mkdtempSync(join(tmpdir(), 'dt-eval-12-'));
    const period = (id: string, utterance: string, text: string, from: string, to: string) => ({ id, spec: 'DateTimePeriodParser', utterance, reference_datetime: '2018-05-16T08:12:00',
      spans: [span('datetimerange', text, utterance, { Timex: `(2018-05-21T${from},2018-05-21T${to})`, FutureResolution: { startDateTime: `2018-05-21 ${from}:00`, endDateTime: `2018-05-21 ${to}:00` } })] });
    writeFileSync(join(one, 'datetime_specs_es.jsonl'), lines([
      period('es-12', 'Cortana puede fijarnos un tiempo para el lunes de 12-4.', 'el lunes de 12-4', '00:00', '04:00'), // product: 12:00–16:00
    ]));
    try {
      const r = await evaluateDateTimes(one);
      expect(r.es).toMatchObject({ n: 1, correct: 1 });
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
  });

  it('works on an empty folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dt-eval-empty-'));
    const r = await evaluateDateTimes(empty);
    expect(r.es.n).toBe(0);
    expect(r.esSpans.n).toBe(0);
    rmSync(empty, { recursive: true, force: true });
  });
});
