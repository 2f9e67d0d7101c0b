import type { OutboundMessage } from './types';

const words = {
  pt: { reply: 'Responda com o número da opção.', menu: 'Ver opções' },
  es: { reply: 'Respondé con el número de la opción.', menu: 'Ver opciones' },
  en: { reply: 'Reply with the number of your choice.', menu: 'See options' },
} as const;

/** The label of a button that opens a list of options, in the customer's language. */
export const menuLabel = (message: OutboundMessage) => words[message.lang ?? 'en'].menu;

/**
 * Options as a numbered menu for channels without buttons (SMS, email, long lists): the
 * assistant understands "2", "the second one", "a das 10h" as a choice.
 */
export function numberedMenu(message: OutboundMessage): string {
  if (!message.options?.length) return message.text;
  const lines = message.options.map((o, i) => `${i + 1}. ${o.label}`);
  return `${message.text}\n\n${lines.join('\n')}\n\n${words[message.lang ?? 'en'].reply}`;
}

/** Cuts a label to a provider's limit, marking the cut. */
export function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
