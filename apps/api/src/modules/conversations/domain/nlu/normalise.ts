/**
 * Text normalisation for the embedded understanding: lowercase, no accents, punctuation
 * collapsed to single spaces (a `?` is kept as its own token: questions matter for intents),
 * apostrophes dropped inside words ("don't" → "dont", "what's" → "whats"), and the common chat
 * spellings of each language expanded ("vc" → "voce", "q" → "que", "tmrw" → "tomorrow").
 * Pure and allocation-light: one pass of a few regular expressions, then a token map.
 */
import type { Lang } from './types';

/** Lowercase and remove diacritics (ã → a, ñ → n, ç → c). */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Chat spellings understood in every language (none of them is a word of another one). */
const ANY: Record<string, string> = {
  pls: 'please', plz: 'please', pleas: 'please', thx: 'thanks', thnx: 'thanks', thanx: 'thanks',
  tks: 'thanks', tnx: 'thanks', okay: 'ok', okey: 'ok', okie: 'ok', oki: 'ok', okk: 'ok', kk: 'ok',
  kkk: 'ok', appt: 'appointment', appts: 'appointments', pfv: 'por favor', pfvr: 'por favor',
};

const BY_LANG: Record<Lang, Record<string, string>> = {
  pt: {
    vc: 'voce', vcs: 'voces', voce: 'voce', q: 'que', pq: 'porque', xq: 'porque', tb: 'tambem',
    tbm: 'tambem', hj: 'hoje', td: 'tudo', blz: 'beleza', obg: 'obrigado', obgd: 'obrigado',
    obgda: 'obrigada', brigado: 'obrigado', brigada: 'obrigada', vlw: 'valeu', n: 'nao', dps: 'depois',
    msm: 'mesmo', mt: 'muito', mto: 'muito', mta: 'muita', cmg: 'comigo', qnd: 'quando', qdo: 'quando',
    qto: 'quanto', qt: 'quanto', pra: 'para', pro: 'para o', pros: 'para os', pras: 'para as',
    kd: 'cade', agr: 'agora', fds: 'fim de semana', tah: 'ta', eh: 'e', ss: 'sim', s: 'sim',
    nd: 'nada', ngm: 'ninguem', tds: 'todos', amanha: 'amanha', hrs: 'horas', hr: 'hora', p: 'para',
    d: 'de', oq: 'o que', sla: 'sei la', mds: 'meu deus', flw: 'falou', tmj: 'valeu',
    add: 'adicionar', aki: 'aqui', qr: 'quer', qro: 'quero', eae: 'oi', eai: 'oi',
  },
  es: {
    q: 'que', k: 'que', ke: 'que', xq: 'porque', pq: 'porque', porq: 'porque', tb: 'tambien',
    tmb: 'tambien', tmbn: 'tambien', tamb: 'tambien', x: 'por', xfa: 'por favor', xfavor: 'por favor',
    porfa: 'por favor', porfis: 'por favor', pf: 'por favor', d: 'de', dnd: 'donde', bno: 'bueno',
    grax: 'gracias', grs: 'gracias', grcs: 'gracias', grac: 'gracias', mnn: 'manana', finde: 'fin de semana',
    sip: 'si', sep: 'si', nop: 'no', nope: 'no', cdo: 'cuando', msj: 'mensaje', tmp: 'tampoco',
    hs: 'horas', hrs: 'horas', hr: 'hora', mña: 'manana', mñn: 'manana', bs: 'besos', salu2: 'saludos',
    ntp: 'no te preocupes', toy: 'estoy', tas: 'estas', ta: 'esta', pa: 'para',
  },
  en: {
    u: 'you', ur: 'your', r: 'are', ty: 'thanks', tmrw: 'tomorrow', tmr: 'tomorrow', tmw: 'tomorrow',
    tmro: 'tomorrow', tomoz: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', '2day': 'today',
    '2nite': 'tonight', tonite: 'tonight', b4: 'before', k: 'ok', wanna: 'want to', gonna: 'going to',
    gotta: 'got to', cuz: 'because', coz: 'because', bc: 'because', abt: 'about', msg: 'message',
    pic: 'picture', ppl: 'people', yr: 'year', yrs: 'years', hrs: 'hours', hr: 'hour', mins: 'minutes',
    min: 'minutes', wk: 'week', wknd: 'weekend', thru: 'through', tho: 'though', nite: 'night',
    im: 'i am', ive: 'i have', id: 'i would', youre: 'you are', dont: 'do not',
    cant: 'can not', cannot: 'can not', wont: 'will not', isnt: 'is not', didnt: 'did not', doesnt: 'does not',
    thats: 'that is', whats: 'what is', wheres: 'where is', hows: 'how is', theres: 'there is', its: 'it is',
    lets: 'let us', plse: 'please', ya: 'yes', yea: 'yes', yeah: 'yes', yep: 'yes', yup: 'yes', yh: 'yes',
    nah: 'no', nope: 'no', ta: 'thanks', cheers: 'thanks', gd: 'good',
  },
};

/** The few emoji that answer a question: a thumbs-up is a yes, folded hands a thank-you. */
const EMOJI_OK = /👍|👌|✅|🆗|☑️/gu;
const EMOJI_THANKS = /🙏/gu;
const THANKS: Record<Lang, string> = { pt: ' obrigado ', es: ' gracias ', en: ' thanks ' };

const APOSTROPHE = /(\p{L})['’`´](\p{L})/gu;
const PUNCT = /[^\p{L}\p{N}?:]+/gu;
const QMARK = /\?+/g;
const LONE_COLON = /(^|[^\p{N}]):|:(?!\p{N})/gu;

/**
 * Normalised text as single-space separated tokens (no leading/trailing space).
 * `lang` selects the chat-spelling table; without it only the language-neutral one applies.
 */
export function normalise(text: string, lang?: Lang): string {
  const folded = fold(text.replace(EMOJI_OK, ' ok ').replace(EMOJI_THANKS, THANKS[lang ?? 'en']))
    .replace(APOSTROPHE, '$1$2')
    .replace(/¿|¡/g, ' ')
    .replace(QMARK, ' ? ')
    .replace(PUNCT, ' ')
    .replace(LONE_COLON, '$1 ');
  const table = lang ? BY_LANG[lang] : undefined;
  const out: string[] = [];
  for (const tok of folded.split(' ')) {
    if (!tok) continue;
    const repl = ANY[tok] ?? table?.[tok];
    out.push(repl ?? squeeze(tok));
  }
  return out.join(' ');
}

/** "siiiim" → "sim", "graciaaas" → "gracias", "noooo" → "no": runs of 3+ letters become one. */
function squeeze(tok: string): string {
  return /(\p{L})\1\1/u.test(tok) ? tok.replace(/(\p{L})\1{2,}/gu, '$1') : tok;
}

/** True when `phrase` (normalised, space-separated) occurs in `normalised` on token boundaries. */
export function hasPhrase(normalised: string, phrase: string): boolean {
  const i = (' ' + normalised + ' ').indexOf(' ' + phrase + ' ');
  return i >= 0;
}
