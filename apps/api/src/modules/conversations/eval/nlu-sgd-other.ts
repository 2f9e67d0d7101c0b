/**
 * What the user-turn file leaves out: the acts and values a user turn gives to services outside
 * the extracted five (weather, rides, movies, homes…), read from the whole-dialogue file.
 *
 *  - `multiService`: turns that act on such a service. Their gold intent is incomplete ("Sounds
 *    good. Can you get me a cab?" is labelled SELECT only), so the intent score excludes them.
 *  - `otherValues`: the values those services received in the turn ("2901 East Hastings Street"
 *    as a ride's destination, "Concord" as the weather's city). A predicted slot value equal to
 *    one of them is a correct reading of the text that the target services' gold cannot contain:
 *    the slot score neither credits nor penalises it (it is counted as `otherServiceValues`).
 */
import { readJsonl } from './nlu-read';

interface SgdDialogue {
  dialogue_id: string;
  turns: { turn_index: number; speaker: string; frames?: { service: string; actions?: { act?: string; values?: string[]; canonical_values?: string[] }[] }[] }[];
}

export const TARGET_SERVICES = new Set(['Services_1', 'Services_2', 'Services_3', 'Services_4', 'Calendar_1']);

export interface OtherServices { multiService: Set<string>; otherValues: Map<string, string[]> }

/** Keys are `${dialogue_id}#${turn_index}`. */
export async function otherServices(path: string | undefined): Promise<OtherServices> {
  const out: OtherServices = { multiService: new Set(), otherValues: new Map() };
  if (!path) return out;
  for await (const d of readJsonl<SgdDialogue>(path)) {
    for (const t of d.turns) {
      if (t.speaker !== 'USER') continue;
      const key = `${d.dialogue_id}#${t.turn_index}`;
      for (const f of t.frames ?? []) {
        if (TARGET_SERVICES.has(f.service) || !(f.actions?.length)) continue;
        out.multiService.add(key);
        const values = f.actions.filter((a) => a.act === 'INFORM').flatMap((a) => [...(a.values ?? []), ...(a.canonical_values ?? [])]);
        if (values.length) out.otherValues.set(key, [...(out.otherValues.get(key) ?? []), ...values]);
      }
    }
  }
  return out;
}
