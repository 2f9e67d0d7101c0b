/**
 * evaluateNlu(dir): scores the embedded understanding on a dialogue-data folder laid out like
 * shared/dialogue-data/dev (the held-out folder has the same files). Not domain code: reads files.
 *
 *  - sgd.intent: product intents vs SGD user acts (mapping in nlu-sgd-map.ts, echoed as `mapping`)
 *  - sgd.acts: SGD act-type set predicted from the understanding (+ the previous system acts), exact match
 *  - sgd.slots: slot-value precision/recall/F1 per slot. Dates are resolved against SGD's
 *    reference "today", Friday 2019-03-01 (the dataset README; every dev canonical date is in
 *    March 2019, "today" → 03-01, "tomorrow" → 03-02, "day after tomorrow" → 03-03 throughout).
 *    The understanding is told what the system's REQUEST asked for (`awaiting`), as the policy
 *    knows its own question. A value the same turn gave a service outside the five (a ride's
 *    destination) is neither credited nor penalised (nlu-sgd-other.ts).
 *  - mtod: Spanish intent accuracy on the alarm/reminder/weather utterances (mapping below)
 *  - datetime: evaluateDateTimes(dir), merged as is
 */
import { performance } from 'node:perf_hooks';
import { INTENTS, type Intent, type UnderstandContext, type Understanding } from '../domain/nlu/types';
import { understand } from '../domain/nlu/understand';
import { evaluateDateTimes } from './datetime';
import { dataFile, readJsonl } from './nlu-read';
import { actsFromIntents, goldIntent, SGD_MAPPING, type SgdAct } from './nlu-sgd-map';
import { awaitedOf, predictSgdSlots, sameSlotValue, SGD_TYPES } from './nlu-sgd-slots';
import { extraSgdActs } from './nlu-sgd-acts';
import { otherServices, type OtherServices } from './nlu-sgd-other';

interface SgdTurn {
  id: string; dialogue_id: string; turn_index: number; domain: string; utterance: string; annotation: string; intent: string | null;
  acts: SgdAct[] | null; act_types: string[] | null; context_acts: SgdAct[];
  slots: Record<string, string>; slots_canonical: Record<string, string> | null;
}
interface MtodRow { id: string; utterance: string; intent: string }

/** SGD's "today": Friday 2019-03-01, 09:00 in California. */
export const SGD_NOW = Date.UTC(2019, 2, 1, 17, 0);
const SGD_ZONE = 'America/Los_Angeles';

/** MTOD (alarm / reminder / weather) → product intents. show_* and time_left are lookups of the user's own items: excluded. */
export const MTOD_MAPPING: Record<string, Intent | null> = {
  'alarm/set_alarm': 'book', 'reminder/set_reminder': 'book',
  'alarm/cancel_alarm': 'cancel', 'reminder/cancel_reminder': 'cancel',
  'alarm/modify_alarm': 'reschedule', 'alarm/snooze_alarm': 'reschedule',
  'weather/find': 'out_of_scope', 'weather/checkSunrise': 'out_of_scope', 'weather/checkSunset': 'out_of_scope',
  'alarm/show_alarms': null, 'reminder/show_reminders': null, 'alarm/time_left_on_alarm': null,
};

const round = (x: number) => Math.round(x * 10000) / 10000;
type Counter = Record<string, number>;
const bump = (c: Counter, k: string, n = 1) => { c[k] = (c[k] ?? 0) + n; };
const top = (c: Counter, n: number) => Object.fromEntries(Object.entries(c).sort((a, b) => b[1] - a[1]).slice(0, n));

function sgdContext(turn: SgdTurn): UnderstandContext {
  // What the system just put to the user — an offer, or details to confirm — is what the product
  // would show as quick replies: `offered`.
  const offers = turn.context_acts.filter((a) => (a.act === 'OFFER' || a.act === 'CONFIRM') && a.values?.length);
  const time = offers.find((a) => /time/.test(a.slot ?? ''))?.values?.[0];
  // What the system just asked for, as the product's policy knows its own question.
  const awaiting = awaitedOf(turn.context_acts.filter((a) => a.act === 'REQUEST' && a.slot).map((a) => a.slot ?? ''));
  return {
    now: SGD_NOW, timeZone: SGD_ZONE, locale: 'en-US', lastLang: 'en',
    services: SGD_TYPES[turn.domain] ?? [], staff: [], ...(awaiting.length ? { awaiting } : {}),
    ...(offers.length ? { offered: [{ id: 'offer', label: offers.map((a) => a.values?.[0] ?? '').join(' '), ...(time && /^\d\d:\d\d$/.test(time) ? { time } : {}) }] } : {}),
  };
}

async function evaluateSgd(path: string, { multiService, otherValues }: OtherServices) {
  const all = { correct: 0, mapped: 0 };
  const intent = { correct: 0, strictCorrect: 0, mapped: 0, excluded: 0, excludedBy: {} as Counter, byGold: {} as Record<string, { n: number; correct: number }>, errors: {} as Counter };
  const acts = { correct: 0, total: 0, errors: {} as Counter };
  const slots: Record<string, { tp: number; fp: number; fn: number }> = {};
  let slotTurns = 0, slotExcluded = 0, otherServiceValues = 0, turns = 0, ms = 0;
  const stateBefore = new Map<string, string | null>(); // dialogue → active intent after its previous user turn
  for await (const t of readJsonl<SgdTurn>(path)) {
    turns++;
    const ctx = sgdContext(t);
    const t0 = performance.now();
    const u: Understanding = understand(t.utterance, ctx);
    ms += performance.now() - t0;
    const gold = goldIntent(t.acts, t.intent);
    if (!('excluded' in gold)) { all.mapped++; if (gold.accepted.includes(u.intent)) all.correct++; }
    if ('excluded' in gold) { intent.excluded++; bump(intent.excludedBy, gold.excluded); } else if (multiService.has(`${t.dialogue_id}#${t.turn_index}`)) {
      intent.excluded++; bump(intent.excludedBy, 'also acts on a non-target service (gold incomplete)');
    } else {
      intent.mapped++;
      const ok = gold.accepted.includes(u.intent);
      if (ok) intent.correct++; else bump(intent.errors, `${gold.key} → ${u.intent}`);
      if (u.intent === gold.strict) intent.strictCorrect++;
      const g = (intent.byGold[gold.key] ??= { n: 0, correct: 0 });
      g.n++; if (ok) g.correct++;
    }
    const before = stateBefore.get(t.dialogue_id);
    stateBefore.set(t.dialogue_id, t.intent);
    if (t.annotation !== 'full' || !t.act_types || !t.slots_canonical) { slotExcluded++; continue; }
    const predicted = predictSgdSlots(t.utterance, t.domain, u);
    const predActs = actsFromIntents(u.ranked.filter((r, i) => i === 0 || r.score >= 0.2).map((r) => r.intent), t.context_acts, before, t.utterance);
    for (const a of extraSgdActs(t.utterance, t.context_acts, predActs)) predActs.add(a);
    if (Object.keys(predicted).length) predActs.add('INFORM');
    const goldActs = [...new Set(t.act_types)].sort().join('+');
    const predStr = [...predActs].sort().join('+');
    acts.total++;
    if (goldActs === predStr) acts.correct++; else bump(acts.errors, `${goldActs} → ${predStr || '∅'}`);
    slotTurns++;
    const goldSlots = t.slots_canonical;
    const others = otherValues.get(`${t.dialogue_id}#${t.turn_index}`) ?? [];
    for (const slot of new Set([...Object.keys(goldSlots), ...Object.keys(predicted)])) {
      const s = (slots[slot] ??= { tp: 0, fp: 0, fn: 0 });
      const g = goldSlots[slot];
      const accepted = g === undefined ? [] : [g, t.slots[slot] ?? g];
      let p = predicted[slot];
      if (p !== undefined && !sameSlotValue(slot, p, accepted) && sameSlotValue(slot, p, others)) { otherServiceValues++; p = undefined; }
      if (p !== undefined && g !== undefined && sameSlotValue(slot, p, accepted)) s.tp++;
      else { if (p !== undefined) s.fp++; if (g !== undefined) s.fn++; }
    }
  }
  const f1 = (s: { tp: number; fp: number; fn: number }) => {
    const p = s.tp / Math.max(1, s.tp + s.fp), r = s.tp / Math.max(1, s.tp + s.fn);
    return { precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0), ...s };
  };
  const sum = (keys: string[]) => keys.reduce((a, k) => { const s = slots[k]; return s ? { tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn } : a; }, { tp: 0, fp: 0, fn: 0 });
  const dateTimeSlots = ['appointment_date', 'appointment_time', 'event_date', 'event_time'];
  return {
    turns,
    mapping: SGD_MAPPING,
    intent: {
      intentAccuracy: round(intent.correct / Math.max(1, intent.mapped)),
      intentAccuracyStrict: round(intent.strictCorrect / Math.max(1, intent.mapped)),
      intentAccuracyIncludingMultiServiceTurns: round(all.correct / Math.max(1, all.mapped)),
      mappedTurns: intent.mapped, excludedTurns: intent.excluded, excludedBy: intent.excludedBy,
      byGold: Object.fromEntries(Object.entries(intent.byGold).sort((a, b) => b[1].n - a[1].n).map(([k, v]) => [k, { n: v.n, accuracy: round(v.correct / v.n) }])),
      topErrors: top(intent.errors, 25),
    },
    acts: { actAccuracy: round(acts.correct / Math.max(1, acts.total)), turns: acts.total, topErrors: top(acts.errors, 25) },
    slots: {
      referenceDate: '2019-03-01 (Friday), 09:00 America/Los_Angeles',
      valueComparison: 'dates/times: canonical ISO / 24 h value exactly; other slots: case, punctuation and titles (Dr., MD, M.D.) ignored, against the canonical value or the value as written',
      scoredTurns: slotTurns, excludedTurns: slotExcluded, excludedReason: 'state_only annotation (no canonical values)',
      otherServiceValues, otherServiceValuesMeaning: 'predicted values equal to what the same turn gave a non-target service (a ride\'s destination, the weather\'s city): neither credited nor penalised',
      dateTime: f1(sum(dateTimeSlots)),
      others: f1(sum(Object.keys(slots).filter((k) => !dateTimeSlots.includes(k)))),
      perSlot: Object.fromEntries(Object.entries(slots).sort((a, b) => (b[1].tp + b[1].fn) - (a[1].tp + a[1].fn)).map(([k, v]) => [k, f1(v)])),
    },
    performance: { understandMeanMs: round(ms / Math.max(1, turns)) },
  };
}

async function evaluateMtod(path: string) {
  let mapped = 0, correct = 0, excluded = 0;
  const byIntent: Record<string, { n: number; correct: number }> = {};
  const errors: Counter = {};
  const ctx: UnderstandContext = { now: Date.UTC(2024, 0, 15, 15), timeZone: 'America/Argentina/Buenos_Aires', locale: 'es-AR', services: [], staff: [] };
  for await (const row of readJsonl<MtodRow>(path)) {
    const want = MTOD_MAPPING[row.intent];
    if (!want) { excluded++; continue; }
    mapped++;
    const got = understand(row.utterance, ctx).intent;
    const b = (byIntent[row.intent] ??= { n: 0, correct: 0 });
    b.n++;
    if (got === want) { correct++; b.correct++; } else bump(errors, `${row.intent} → ${got}`);
  }
  return {
    mapping: MTOD_MAPPING,
    intentAccuracy: round(correct / Math.max(1, mapped)),
    mappedUtterances: mapped, excludedUtterances: excluded,
    byIntent: Object.fromEntries(Object.entries(byIntent).map(([k, v]) => [k, { n: v.n, accuracy: round(v.correct / v.n) }])),
    topErrors: top(errors, 15),
  };
}

export async function evaluateNlu(dir: string) {
  const sgdPath = dataFile(dir, 'sgd_user_turns.jsonl');
  const mtodPath = dataFile(dir, 'mtod_es_utterances.jsonl');
  const sgd = sgdPath ? await evaluateSgd(sgdPath, await otherServices(dataFile(dir, 'sgd_dialogues.jsonl'))) : null;
  const mtod = mtodPath ? await evaluateMtod(mtodPath) : null;
  let datetime: unknown;
  try { datetime = await evaluateDateTimes(dir); } catch (e) { datetime = { error: e instanceof Error ? e.message : String(e) }; }
  return { dir, intents: INTENTS, sgd, mtod, datetime, targets: { intent: 0.95, dateTimeValueF1: 0.95, otherSlotsF1: 0.9 } };
}
