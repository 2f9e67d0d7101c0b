/**
 * What a customer newly wrote in an email: their reply without the quoted conversation below it,
 * without their signature, so the assistant reads only what is new.
 */
export function newText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const original = lines.findIndex((_, i) => startsOriginal(lines, i));
  const kept = original === -1 ? lines : lines.slice(0, original);
  return tidy(withoutSignature(unquoted(aboveReplyHeader(kept))));
}

/** "On Mon, 23 Nov 2026 at 10:00, Ana <ana@example.com> wrote:", as mail clients write it in en, pt and es. */
const REPLY_HEADER = [/^On\s.+\swrote:$/i, /^Em\s.+\sescreveu:$/i, /^El\s.+\sescribió:$/i, /^Le\s.+\sa écrit\s?:$/i];
/** Outlook quotes the original unindented, under a separator or a From/Sent block. */
const ORIGINAL_SEPARATOR = /^-{2,}\s*(Original Message|Mensagem original|Mensaje original)\s*-{2,}$/i;
const HEADER_FROM = /^\*?(From|De):\*?\s/i;
const HEADER_SENT = /^\*?(Sent|Date|Data|Fecha|Enviad[oa](?: em)?):\*?\s/i;
/** A mobile client's footer, which ends what the customer wrote like a signature does. */
const DEVICE_FOOTER = /^(Sent from my|Enviado do meu|Enviado de meu|Enviado desde mi|Get Outlook for|Obter o Outlook para|Obtener Outlook para)\b/i;

function startsOriginal(lines: string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (ORIGINAL_SEPARATOR.test(line)) return true;
  if (/^_{10,}$/.test(line)) return HEADER_FROM.test(lines[i + 1]?.trim() ?? '');
  return HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((next) => HEADER_SENT.test(next.trim()));
}

/**
 * Mail clients wrap a long reply header over two or three lines. What is above it is the new
 * text; when nothing is (the customer wrote below the quote) the header alone goes.
 */
function aboveReplyHeader(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    for (let span = 1; span <= 3 && i + span <= lines.length; span++) {
      const joined = lines.slice(i, i + span).map((l) => l.trim()).join(' ');
      if (!REPLY_HEADER.some((header) => header.test(joined))) continue;
      const above = lines.slice(0, i);
      return unquoted(above).some((l) => l.trim()) ? above : [...above, ...lines.slice(i + span)];
    }
  }
  return lines;
}

const unquoted = (lines: string[]) => lines.filter((line) => !line.trimStart().startsWith('>'));

function withoutSignature(lines: string[]): string[] {
  const end = lines.findIndex((line) => line === '-- ' || line.trim() === '--' || DEVICE_FOOTER.test(line.trim()));
  return end === -1 ? lines : lines.slice(0, end);
}

const tidy = (lines: string[]) => lines.map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();

/** The text of an HTML-only mail, blockquoted history left out. */
export function htmlAsText(html: string): string {
  return withoutElements(html)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Drops quotes, styles and scripts in one pass counting depth (quotes nest; a lazy regex would be quadratic). */
function withoutElements(html: string): string {
  let depth = 0;
  let kept = '';
  let from = 0;
  for (const tag of html.matchAll(/<(\/?)(?:blockquote|style|script|head)\b[^<>]*>/gi)) {
    if (depth === 0) kept += html.slice(from, tag.index);
    depth = Math.max(0, depth + (tag[1] ? -1 : 1));
    from = tag.index + tag[0].length;
  }
  return depth === 0 ? kept + html.slice(from) : kept;
}
