import MiniSearch from 'minisearch';
import { fold } from '../nlu/normalise';
import type { Lang } from '../nlu/types';

export interface KnowledgeEntry { id: string; lang: Lang; question: string; answer: string; keywords: string[] }
export interface KnowledgeHit { id: string; answer: string; score: number; coverage: number }

const STOP = new Set([
  // pt
  'o', 'a', 'os', 'as', 'um', 'uma', 'de', 'do', 'da', 'dos', 'das', 'e', 'em', 'no', 'na', 'que', 'pra', 'para', 'com', 'se', 'eu', 'voce', 'voces', 'vcs', 'vc', 'meu', 'minha', 'tem', 'ter', 'e', 'é', 'ao', 'por', 'como', 'qual', 'quais',
  // es
  'el', 'la', 'los', 'las', 'un', 'una', 'del', 'y', 'en', 'que', 'para', 'con', 'se', 'yo', 'mi', 'hay', 'es', 'al', 'por', 'como', 'cual', 'cuales', 'ustedes', 'tienen', 'tenes',
  // en
  'the', 'a', 'an', 'of', 'and', 'in', 'on', 'to', 'for', 'with', 'is', 'are', 'do', 'does', 'you', 'your', 'i', 'my', 'can', 'it', 'be', 'what', 'which', 'how',
  // verbs that carry no topic: "can I…", "posso…", "quiero…"
  'posso', 'pode', 'podem', 'quero', 'queria', 'preciso', 'puedo', 'puede', 'podes', 'quiero', 'queria', 'necesito', 'want', 'need', 'could', 'would',
]);

const processTerm = (term: string) => {
  const t = fold(term);
  return t.length < 2 || STOP.has(t) ? null : t;
};

/**
 * The tenant's FAQ, ranked with BM25 (MiniSearch) per language. A hit counts only when most
 * of the question's content words match: an answer is given word for word or not at all.
 */
export function buildKnowledge(entries: KnowledgeEntry[]) {
  const index = new MiniSearch<KnowledgeEntry>({
    fields: ['question', 'keywordText'], storeFields: ['answer', 'lang'], processTerm,
    extractField: (doc, field) => (field === 'keywordText' ? doc.keywords.join(' ') : String((doc as unknown as Record<string, unknown>)[field] ?? '')),
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { keywordText: 1.5 } },
  });
  index.addAll(entries);
  return {
    search(text: string, lang: Lang): KnowledgeHit | undefined {
      const content = [...new Set(text.split(/[^\p{L}\p{N}]+/u).map((t) => processTerm(t)).filter((t): t is string => !!t))];
      if (!content.length || !entries.length) return undefined;
      const [best] = index.search(text, { filter: (r) => r.lang === lang });
      if (!best) return undefined;
      const coverage = new Set(best.queryTerms).size / content.length;
      const enough = content.length <= 2 ? coverage >= 0.5 : coverage >= 0.5 && best.queryTerms.length >= 2;
      return enough ? { id: best.id as string, answer: best.answer as string, score: best.score, coverage } : undefined;
    },
  };
}
export type Knowledge = ReturnType<typeof buildKnowledge>;
