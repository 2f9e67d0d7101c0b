/**
 * Names, places and titles a customer writes, as written (no catalogue needed): the professional
 * or business ("con la Dra. Pérez", "at Great Clips"), the town or area ("in Sunnyvale",
 * "em Pinheiros"), a street address or venue ("Rua Augusta, 1500") and what to call an event
 * ("call it Team sync"). Each finder documents its own interpretation choices.
 *
 * `dateTimes` keeps spans off the dates and times already understood ("Dr. Lee at 1:30" → "Dr.
 * Lee"); the catalogue's service words end a span ("Oakland gynecologist" → Oakland); `awaiting`
 * (what the assistant just asked for) lets a bare answer count ("Sunnyvale.", "Doctor appointment.").
 */
import { fold } from '../normalise';
import type { Awaited, CatalogueEntry, DateTimeMention, Lang } from '../types';
import { findAddress } from './address';
import { findProviderName } from './people';
import { asPlace, findPlace, isPlaceAlias } from './places';
import { findTitle } from './titles';
import { tokenize, type Range } from './tokens';
import { isOrdinary } from './vocab';

export interface NamedSpans { providerName?: string; place?: string; address?: string; title?: string }

export interface SpanContext {
  dateTimes: readonly DateTimeMention[];
  services?: readonly CatalogueEntry[];
  awaiting?: readonly Awaited[];
}

/**
 * The head word of each catalogue service name and synonym ("General Practitioner" →
 * practitioner, "family therapist" → therapist), folded: a name or place never runs into one.
 */
function serviceWords(services: readonly CatalogueEntry[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const s of services ?? []) {
    for (const phrase of [s.name, ...(s.synonyms ?? [])]) {
      const last = fold(phrase).split(/[^\p{L}]+/u).filter((w) => w.length >= 4).pop();
      if (last && !isOrdinary(last)) out.add(last);
    }
  }
  return out;
}

export function extractNamedSpans(text: string, lang: Lang, ctx: SpanContext): NamedSpans {
  const avoid: Range[] = ctx.dateTimes.map((d) => [d.start, d.end] as const);
  const awaiting = new Set(ctx.awaiting ?? []);
  const stop = serviceWords(ctx.services);
  const toks = tokenize(text);
  const out: NamedSpans = {};
  const address = findAddress(text, avoid);
  if (address) out.address = address;
  const place = findPlace(toks, text, { lang, avoid, stop, awaiting: awaiting.has('place'), awaitingOther: awaiting.size > 0 && !awaiting.has('place') });
  if (place) out.place = place;
  const isPlace = (span: string) => isPlaceAlias(span) || (place !== undefined && asPlace(span) === place);
  const provider = findProviderName(toks, { avoid, stop, awaiting: awaiting.has('provider'), isPlace }, text);
  if (provider && provider !== place) out.providerName = provider;
  const title = findTitle(text, { avoid, awaiting: awaiting.has('title'), ...(address ? { address } : {}) });
  if (title) out.title = title;
  return out;
}
