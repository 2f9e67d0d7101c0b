/**
 * Which of pt / es / en a message is written in, from orthography (ç ã õ vs ñ ¿ ¡) and
 * function words. Short or ambiguous messages ("ok", "2", "sí", "👍") keep the hint: the
 * conversation's language so far, else the tenant locale's language.
 */
import { fold } from './normalise';
import type { Lang } from './types';

/** Words that (after folding accents) point to one language; weight 1 unless listed with 2. */
const WORDS: Record<Lang, { strong: string[]; weak: string[] }> = {
  pt: {
    strong: [
      'nao', 'voce', 'voces', 'vc', 'vcs', 'obrigado', 'obrigada', 'obg', 'brigado', 'muito', 'tambem',
      'gostaria', 'quero', 'oi', 'ola', 'tchau', 'isso', 'entao', 'amanha', 'sim', 'tudo', 'bem', 'uma',
      'meu', 'minha', 'seu', 'sua', 'ate', 'pra', 'tem', 'tenho', 'estou', 'sou', 'vou', 'filho', 'filha',
      'agendar', 'marcar', 'horario', 'horarios', 'valeu', 'beleza', 'blz', 'aula', 'preciso', 'posso',
      'pode', 'ser', 'fazer', 'quanto', 'custa', 'fica', 'onde', 'hoje', 'semana', 'depois', 'agora',
      'terca', 'quarta', 'quinta', 'sexta', 'segunda', 'feira', 'manha', 'noite', 'obrigadao', 'voces',
      'consigo', 'queria', 'gente', 'aqui', 'ai', 'ja', 'so', 'dia', 'bom', 'boa', 'tarde', 'ele', 'ela',
      'esse', 'essa', 'este', 'esta', 'qual', 'quais', 'hj', 'td', 'eh', 'nome', 'ano', 'anos', 'serie',
      'pessoa', 'pessoas', 'atendente', 'falar', 'cancelar', 'desmarcar', 'remarcar', 'endereco', 'preco',
      'valor', 'abrem', 'fecham', 'sabado', 'domingo', 'mae', 'pai', 'estuda', 'avaliacao', 'escola',
      'mudanca', 'chamo', 'nada', 'ninguem', 'mas', 'ou', 'se', 'foi', 'como', 'quando', 'melhor',
    ],
    weak: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'no', 'na', 'nos', 'nas', 'em', 'com', 'um', 'e', 'de', 'que', 'para', 'por', 'a'],
  },
  es: {
    strong: [
      'usted', 'ustedes', 'gracias', 'quiero', 'quisiera', 'hola', 'buenas', 'buenos', 'buen', 'dia',
      'dias', 'tardes', 'noches', 'si', 'el', 'los', 'las', 'del', 'al', 'y', 'con', 'una', 'un', 'muy',
      'pero', 'hay', 'hoy', 'manana', 'tenes', 'tenés', 'tienen', 'tiene', 'tengo', 'podes', 'puedo',
      'puede', 'necesito', 'cuanto', 'cuesta', 'sale', 'donde', 'estan', 'estoy', 'soy', 'llamo', 'turno',
      'turnos', 'cita', 'lugar', 'dale', 'listo', 'genial', 'bueno', 'vale', 'claro', 'tambien', 'ahora',
      'despues', 'aca', 'alla', 'vos', 'che', 'bien', 'mejor', 'cual', 'cuales', 'algun', 'alguna', 'hacer',
      'tener', 'voy', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'semana', 'precio', 'precios',
      'pelo', 'corte', 'barba', 'sacar', 'reservar', 'cancelar', 'cambiar', 'hablar', 'persona', 'humano',
      'nombre', 'anos', 'grado', 'somos', 'personas', 'chau', 'adios', 'hasta', 'luego', 'nada', 'favor',
      'ya', 'queria', 'podria', 'pasar', 'mi', 'mis', 'me', 'te', 'lo', 'le', 'yo', 'tu', 'su', 'sus',
      'esta', 'este', 'esto', 'eso', 'ese', 'son', 'es', 'hora', 'horas', 'alarma', 'alarmas',
      'recordatorio', 'recordatorios', 'recuerdame', 'clima', 'tiempo', 'pon', 'poner', 'cuando', 'como',
      'mas', 'sabado', 'domingo', 'proximo', 'proxima', 'noche', 'tarde', 'ninguno', 'nadie', 'quien',
    ],
    weak: ['no', 'que', 'para', 'por', 'de', 'la', 'a', 'en', 'o', 'se'],
  },
  en: {
    strong: [
      'the', 'i', 'you', 'is', 'are', 'to', 'for', 'my', 'can', 'could', 'would', 'book', 'appointment',
      'what', 'when', 'where', 'how', 'yes', 'thanks', 'thank', 'please', 'hi', 'hello', 'hey', 'with',
      'on', 'at', 'it', 'that', 'this', 'have', 'do', 'does', 'want', 'need', 'like', 'tomorrow', 'today',
      'week', 'next', 'time', 'and', 'of', 'be', 'will', 'there', 'they', 'their', 'sure', 'yep', 'cut',
      'van', 'move', 'free', 'available', 'any', 'some', 'one', 'find', 'get', 'am', 'pm', 'morning',
      'afternoon', 'evening', 'night', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
      'sunday', 'price', 'much', 'open', 'cancel', 'reschedule', 'bye', 'good', 'great', 'works', 'fine',
      'name', 'people', 'years', 'old', 'grade', 'year', 'call', 'talk', 'human', 'agent', 'person', 'ok',
      'which', 'who', 'an', 'in', 'we', 'me', 'your', 'our', 'not', 'all', 'just', 'make', 'from', 'after',
      'before', 'around', 'about', 'also', 'schedule', 'slot', 'sounds', 'perfect', 'no', 'nope', 'yeah',
    ],
    weak: ['a', 'so', 'as', 'no'],
  },
};

const LEX = new Map<string, Partial<Record<Lang, number>>>();
for (const lang of ['pt', 'es', 'en'] as const) {
  for (const [list, w] of [[WORDS[lang].strong, 1], [WORDS[lang].weak, 0.3]] as const) {
    for (const word of list) {
      const entry = LEX.get(word) ?? {};
      entry[lang] = Math.max(entry[lang] ?? 0, w);
      LEX.set(word, entry);
    }
  }
}

/** Every word the language lexicons know (folded). */
export const LANGUAGE_WORDS: ReadonlySet<string> = new Set(LEX.keys());

const PT_CHARS = /[ãõçâêô]/iu;
const ES_CHARS = /[ñ¿¡]/u;
const MAX_SCAN = 400;

/** Language from a locale such as "pt-BR"; anything else falls back to English. */
export function langOfLocale(locale: string | undefined): Lang {
  const p = (locale ?? '').slice(0, 2).toLowerCase();
  return p === 'pt' || p === 'es' ? p : 'en';
}

export function languageScores(text: string): Record<Lang, number> {
  const s: Record<Lang, number> = { pt: 0, es: 0, en: 0 };
  const head = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  if (PT_CHARS.test(head)) s.pt += 2;
  if (ES_CHARS.test(head)) s.es += 2;
  const words = fold(head).replace(/['’]/g, '').split(/[^\p{L}]+/u);
  for (const w of words) {
    if (!w) continue;
    const e = LEX.get(w);
    if (!e) continue;
    // A word shared by several languages gives each only part of its weight.
    const n = (e.pt ? 1 : 0) + (e.es ? 1 : 0) + (e.en ? 1 : 0);
    if (e.pt) s.pt += e.pt / n;
    if (e.es) s.es += e.es / n;
    if (e.en) s.en += e.en / n;
  }
  return s;
}

/**
 * The language of `text`; `hint` (conversation language or tenant locale) wins when the evidence
 * is weak or tied, so one-word answers never flip the conversation's language.
 */
export function detectLanguage(text: string, hint?: Lang): Lang {
  const fallback: Lang = hint ?? 'en';
  const s = languageScores(text);
  if (hint) s[hint] += 0.75;
  const order = (['pt', 'es', 'en'] as const).slice().sort((a, b) => s[b] - s[a]);
  const best = order[0] ?? fallback;
  const second = order[1] ?? fallback;
  const top = s[best] - (best === hint ? 0.75 : 0);
  if (best !== fallback && (top < 1.5 || s[best] - s[second] < 0.75)) return fallback;
  return best;
}
