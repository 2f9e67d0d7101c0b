/**
 * Text folding for matching: lower case, accents removed, ordinal indicators (º ª) turned into
 * letters, typographic apostrophes and dashes made plain. The folded string has EXACTLY the
 * same length as the input (one UTF-16 unit in, one out), so a match at [start, end) in the
 * folded text is the same span in the original message.
 */
const cache = new Map<number, string>();

const SPECIAL: Record<string, string> = {
  'º': 'o', 'ª': 'a', '’': "'", '‘': "'", '´': "'", '–': '-', '—': '-', '\u00a0': ' ', '¿': ' ', '¡': ' ',
};

function foldChar(code: number, ch: string): string {
  let out = cache.get(code);
  if (out !== undefined) return out;
  out = SPECIAL[ch];
  if (out === undefined) {
    const lower = ch.toLowerCase();
    const base = lower.length === 1 ? lower.normalize('NFD').charAt(0) : ch;
    out = base.length === 1 ? base : ch;
  }
  cache.set(code, out);
  return out;
}

export function fold(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.toLowerCase();
  const parts: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      parts[i] = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text.charAt(i);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      parts[i] = ' '; // half of a surrogate pair (emoji): never part of a date
    } else {
      parts[i] = foldChar(code, text.charAt(i));
    }
  }
  return parts.join('');
}
