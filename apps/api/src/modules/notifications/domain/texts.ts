import type { NoticeKind } from './plan';

export type Lang = 'pt' | 'es' | 'en';
/** Variables every notice can use, by name or by position ({{1}} is name, {{2}} service, …) as WhatsApp templates number them. */
export const VARIABLE_ORDER = ['name', 'service', 'day', 'time', 'place', 'business', 'message'] as const;
export type NoticeVariables = Partial<Record<(typeof VARIABLE_ORDER)[number], string>>;

const pt: Record<NoticeKind, string> = {
  booking_confirmation: 'Olá, {{name}}! Sua reserva de {{service}} está confirmada para {{day}}, às {{time}}{{place}}.',
  booking_reminder: 'Olá, {{name}}! Lembrete: {{service}} {{day}}, às {{time}}{{place}}. Responda 1 para confirmar, 2 para remarcar ou 3 para cancelar.',
  booking_rescheduled: 'Olá, {{name}}! Sua reserva de {{service}} foi remarcada para {{day}}, às {{time}}{{place}}.',
  booking_cancelled: 'Olá, {{name}}. Sua reserva de {{service}} de {{day}}, às {{time}}, foi cancelada. Se quiser marcar outro horário, é só responder.',
  booking_thank_you: 'Obrigado pela visita, {{name}}! Como foi {{service}}? Dê uma nota de 1 a 5.',
  booking_no_show: 'Olá, {{name}}. Sentimos sua falta em {{service}} {{day}}, às {{time}}. Quer marcar um novo horário?',
  ticket_satisfaction: 'Olá, {{name}}! Seu atendimento com {{business}} foi concluído. De 1 a 5, como você avalia o atendimento?',
  follow_up: '{{message}}',
};
const es: Record<NoticeKind, string> = {
  booking_confirmation: '¡Hola, {{name}}! Tu turno de {{service}} quedó confirmado para el {{day}} a las {{time}}{{place}}.',
  booking_reminder: '¡Hola, {{name}}! Te recordamos tu turno de {{service}} el {{day}} a las {{time}}{{place}}. Respondé 1 para confirmar, 2 para cambiarlo o 3 para cancelarlo.',
  booking_rescheduled: '¡Hola, {{name}}! Tu turno de {{service}} pasó al {{day}} a las {{time}}{{place}}.',
  booking_cancelled: 'Hola, {{name}}. Tu turno de {{service}} del {{day}} a las {{time}} quedó cancelado. Si querés otro, respondé este mensaje.',
  booking_thank_you: '¡Gracias por venir, {{name}}! ¿Cómo estuvo tu {{service}}? Calificalo del 1 al 5.',
  booking_no_show: 'Hola, {{name}}. Te esperábamos para {{service}} el {{day}} a las {{time}}. ¿Querés sacar un nuevo turno?',
  ticket_satisfaction: '¡Hola, {{name}}! Resolvimos tu consulta con {{business}}. Del 1 al 5, ¿cómo calificarías la atención?',
  follow_up: '{{message}}',
};
const en: Record<NoticeKind, string> = {
  booking_confirmation: 'Hi {{name}}! Your {{service}} is confirmed for {{day}} at {{time}}{{place}}.',
  booking_reminder: 'Hi {{name}}! A reminder of your {{service}} on {{day}} at {{time}}{{place}}. Reply 1 to confirm, 2 to reschedule or 3 to cancel.',
  booking_rescheduled: 'Hi {{name}}! Your {{service}} has moved to {{day}} at {{time}}{{place}}.',
  booking_cancelled: 'Hi {{name}}. Your {{service}} on {{day}} at {{time}} is cancelled. Reply here if you would like another time.',
  booking_thank_you: 'Thank you for coming, {{name}}! How was your {{service}}? Rate it from 1 to 5.',
  booking_no_show: 'Hi {{name}}. We missed you at your {{service}} on {{day}} at {{time}}. Would you like to book another time?',
  ticket_satisfaction: 'Hi {{name}}! Your request with {{business}} is resolved. From 1 to 5, how would you rate our help?',
  follow_up: '{{message}}',
};
const defaults: Record<Lang, Record<NoticeKind, string>> = { pt, es, en };

export const replyLabels: Record<Lang, { confirm: string; reschedule: string; cancel: string }> = {
  pt: { confirm: 'Confirmar', reschedule: 'Remarcar', cancel: 'Cancelar' },
  es: { confirm: 'Confirmar', reschedule: 'Cambiar', cancel: 'Cancelar' },
  en: { confirm: 'Confirm', reschedule: 'Reschedule', cancel: 'Cancel' },
};

export const defaultText = (kind: NoticeKind, lang: Lang): string => defaults[lang][kind];

/** Fills {{name}} / {{1}} variables; an unknown one becomes empty rather than showing braces. */
export function render(body: string, vars: NoticeVariables): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, v: string) => {
    const name = /^\d+$/.test(v) ? VARIABLE_ORDER[Number(v) - 1] : (v as keyof NoticeVariables);
    return (name && vars[name]) ?? '';
  }).replace(/\s+([.,])/g, '$1').replace(/ {2,}/g, ' ').trim();
}

/** The variables in WhatsApp's positional order, for sending the same text as an approved template. */
export const positional = (vars: NoticeVariables): string[] => VARIABLE_ORDER.map((v) => vars[v] ?? '');

export const langOf = (locale: string | null | undefined): Lang | undefined =>
  !locale ? undefined : locale.startsWith('pt') ? 'pt' : locale.startsWith('es') ? 'es' : locale.startsWith('en') ? 'en' : undefined;
