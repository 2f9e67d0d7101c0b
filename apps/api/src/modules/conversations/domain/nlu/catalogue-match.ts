/**
 * Services, staff and subjects of the tenant's catalogue found in a message: accent- and
 * case-insensitive, tolerant to one typo per word (two in long words), with the entry's own
 * synonyms and a small table of everyday words per trade in pt / es / en ("cortarme el pelo" →
 * Corte, "mat" → Matemática, "removal" → the van services). Staff also match by first name,
 * surname or nickname ("Nico" in «Nico»).
 */
import { fold } from './normalise';
import type { CatalogueEntry, Match } from './types';

export type CatalogueKind = 'service' | 'staff' | 'subject';

/**
 * Everyday words for a catalogue word: an entry whose name contains a key also answers to its
 * phrases (weaker than the name itself). Keys and phrases are folded (no accents, lowercase).
 */
const CONCEPTS: Record<string, string[]> = {
  corte: ['corte de pelo', 'cortar el pelo', 'cortarme el pelo', 'cortar pelo', 'corte de cabelo', 'cortar o cabelo', 'cortar cabelo', 'cortar meu cabelo', 'haircut', 'hair cut', 'cut', 'trim', 'pelo', 'cabelo', 'recorte', 'rapado'],
  barba: ['beard', 'afeitado', 'afeitar', 'afeitarme', 'perfilado', 'perfilar', 'bigote', 'bigode', 'shave', 'navaja'],
  coloracion: ['color', 'colour', 'colorear', 'tintura', 'tinte', 'tenir', 'tenirme', 'tenido', 'reflejos', 'mechas', 'decoloracion', 'pintar el pelo', 'dye', 'coloracao', 'tingir', 'luzes'],
  matematica: ['mat', 'mate', 'mates', 'math', 'maths', 'matematicas', 'matematica', 'calculo', 'matematika'],
  portugues: ['port', 'lingua portuguesa', 'redacao', 'portuguese', 'leitura', 'gramatica'],
  ingles: ['english', 'ing', 'ingles', 'ingl', 'lingua inglesa'],
  avaliacao: ['avaliacao', 'teste diagnostico', 'teste', 'diagnostico', 'visita', 'assessment', 'prova', 'aula experimental', 'aula teste', 'conhecer o metodo', 'conhecer a unidade', 'evaluacion', 'visit'],
  van: ['mudanca', 'mudanza', 'move', 'moving', 'removal', 'removals', 'man and van', 'man with a van', 'relocation', 'flete', 'house move', 'flat move', 'office move', 'furniture', 'moving house', 'delivery'],
  call: ['discovery', 'demo', 'chamada', 'llamada', 'meeting', 'reuniao', 'reunion', 'video call', 'sales call', 'consultation', 'intro call'],
  luton: ['large', 'big', 'biggest', 'largest', 'lorry', 'truck'],
  small: ['little', 'smallest', 'compact'],
  medium: ['mid', 'midsize', 'mid sized', 'medium sized', 'average'],
  crew: ['helper', 'helpers', 'mover', 'movers', 'man', 'men', 'guy', 'guys', 'porter', 'porters', 'person', 'people', 'ajudante', 'ajudantes', 'ayudante', 'ayudantes'],
};

const STOP = new Set(['de', 'do', 'da', 'del', 'e', 'y', 'and', 'with', 'com', 'con', 'the', 'a', 'o', 'el', 'la', 'of', 'for', 'para', 'dr', 'dra']);
const DIGITS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', dois: '2', duas: '2',
  tres: '3', quatro: '4', dos: '2', cuatro: '4', single: '1', double: '2', both: '2', couple: '2',
};

/** `stands` lists the name words a phrase stands for (itself for name words, the key for a concept). */
interface Phrase { toks: string[]; weight: number; fuzzy: boolean; stands?: string[] }
interface Compiled { entry: CatalogueEntry; phrases: Phrase[]; nameWords: string[] }

function words(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP.has(w)).map((w) => DIGITS[w] ?? w);
}

/** Optimal-string-alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? max + 1;
}

/** 1 for an exact word, 0.85 for a typo within the allowed distance, 0 otherwise. */
function wordScore(msg: string, target: string, fuzzy: boolean): number {
  if (msg === target) return 1;
  if (!fuzzy || target.length < 4 || msg.length < 3 || msg.charCodeAt(0) !== target.charCodeAt(0)) return 0;
  const max = target.length >= 8 ? 2 : 1;
  return editDistance(msg, target, max) <= max ? 0.85 : 0;
}

function compile(entry: CatalogueEntry, kind: CatalogueKind): Compiled {
  const phrases: Phrase[] = [];
  const add = (text: string, weight: number, fuzzy = true, stands?: string[]) => {
    const toks = words(text);
    if (toks.length) phrases.push({ toks, weight, fuzzy, ...(stands ? { stands } : {}) });
  };
  const bare = entry.name.replace(/\([^)]*\)/g, ' ');
  const nameWords = words(bare.replace(/[«"“][^»"”]+[»"”]/gu, ' '));
  add(bare, 1);
  // "(half day, 4 h)" tells two otherwise equal names apart: its worded parts match weakly.
  for (const inner of entry.name.match(/\(([^)]*)\)/g) ?? []) {
    for (const part of inner.slice(1, -1).split(/[,;/]/)) if (kind !== 'staff' && /\p{L}{3}/u.test(part)) add(part, 0.5, false);
  }
  for (const s of entry.synonyms ?? []) add(s, 0.95);
  if (kind === 'staff') {
    const nick = /[«"“]([^»"”]+)[»"”]/u.exec(entry.name)?.[1];
    if (nick) add(nick, 0.95);
    const parts = words(bare.replace(/[«"“][^»"”]+[»"”]/gu, ' '));
    const first = parts[0];
    if (first) add(first, 0.9);
    const last = parts[parts.length - 1];
    if (last && parts.length > 1) add(last, 0.8, false);
  } else {
    const nameSet = new Set(words(bare));
    for (const [key, syns] of Object.entries(CONCEPTS)) {
      if (!nameSet.has(key) && !syns.some((s) => nameSet.has(s))) continue;
      const stands = nameWords.includes(key) ? [key] : syns.filter((s) => nameWords.includes(s));
      if (!nameWords.includes(key)) add(key, 0.75, true, stands);
      for (const s of syns) add(s, 0.7, s.length >= 5, stands);
    }
  }
  return { entry, phrases, nameWords };
}

const cache = new WeakMap<CatalogueEntry[], Compiled[]>();

function compiled(entries: CatalogueEntry[], kind: CatalogueKind): Compiled[] {
  const hit = cache.get(entries);
  if (hit) return hit;
  const c = entries.map((e) => compile(e, kind));
  cache.set(entries, c);
  return c;
}

/** Words of the message that are ordinary vocabulary (never fuzzy-matched to a name). */
export type Vocabulary = ReadonlySet<string>;

/**
 * Catalogue entries mentioned in `norm` (normalised message), best first. A phrase scores its
 * weight × the share of its words found (typos count 0.85); scores of several phrases of an
 * entry combine as a noisy-OR. An entry whose matched words are all inside a better entry's
 * match is dropped ("corte y barba" → Corte + barba, not also Corte and Barba).
 */
export function matchCatalogue(norm: string, entries: CatalogueEntry[] | undefined, kind: CatalogueKind, vocabulary?: Vocabulary): Match[] {
  if (!entries?.length || !norm) return [];
  const msg = words(norm).slice(0, 300);
  const first = new Map<string, number>();
  const byInitial = new Map<string, number[]>();
  msg.forEach((w, i) => {
    if (!first.has(w)) first.set(w, i);
    const list = byInitial.get(w.charAt(0)) ?? [];
    list.push(i);
    byInitial.set(w.charAt(0), list);
  });
  const results: { m: Match; used: Set<number> }[] = [];
  const memo = new Map<string, { score: number; pos: number }>();
  /** Best position of a catalogue word in the message: exact first, else the closest typo. */
  const find = (t: string, fuzzy: boolean): { score: number; pos: number } => {
    const exact = first.get(t);
    if (exact !== undefined) return { score: 1, pos: exact };
    if (!fuzzy || t.length < 4) return { score: 0, pos: -1 };
    const hit = memo.get(t);
    if (hit) return hit;
    let best = { score: 0, pos: -1 };
    for (const i of byInitial.get(t.charAt(0)) ?? []) {
      const w = msg[i] ?? '';
      if (vocabulary?.has(w)) continue;
      const sc = wordScore(w, t, true);
      if (sc > best.score) best = { score: sc, pos: i };
    }
    memo.set(t, best);
    return best;
  };
  for (const { entry, phrases, nameWords } of compiled(entries, kind)) {
    const hits: { score: number; at: number[] }[] = [];
    const covered = new Set<string>();
    for (const p of phrases) {
      let sum = 0;
      const at: number[] = [];
      for (const t of p.toks) {
        const { score: best, pos } = find(t, p.fuzzy);
        if (best > 0) { sum += best; at.push(pos); if (!p.stands && nameWords.includes(t)) covered.add(t); }
      }
      if (at.length && p.stands && at.length === p.toks.length) for (const w of p.stands) covered.add(w);
      if (at.length) hits.push({ score: p.weight * (sum / p.toks.length), at });
    }
    if (!hits.length) continue;
    // The best phrase counts fully; another phrase adds (noisy-OR) only for words not yet used.
    hits.sort((a, b) => b.score - a.score);
    let miss = 1;
    const used = new Set<number>();
    for (const h of hits) {
      if (used.size && h.at.every((i) => used.has(i))) continue;
      miss *= 1 - h.score;
      for (const i of h.at) used.add(i);
    }
    // Among entries a word fits equally ("cortarme el pelo": Corte, Corte + barba), the one
    // whose name it covers more of wins.
    const coverage = kind === 'staff' || !nameWords.length ? 1 : covered.size / nameWords.length;
    const score = Math.round((1 - miss) * (0.8 + 0.2 * coverage) * 1000) / 1000;
    if (score >= 0.4) results.push({ m: { id: entry.id, name: entry.name, score }, used });
  }
  results.sort((a, b) => b.m.score - a.m.score || b.used.size - a.used.size);
  const kept: typeof results = [];
  for (const r of results) {
    const inside = kept.some((k) => [...r.used].every((i) => k.used.has(i))
      && (k.used.size > r.used.size ? k.m.score >= r.m.score : k.m.score > r.m.score + 0.1));
    if (!inside) kept.push(r);
  }
  return kept.map((r) => r.m);
}
