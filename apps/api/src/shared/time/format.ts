/**
 * The one time-zone-aware formatter for every time and amount shown to a customer (chat replies,
 * reminders, e-mails): always in the business's zone, in the customer's locale.
 */

/** "ter., 1 de dez., 08:00" — a slot on offer. */
export function formatSlot(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(Date.parse(iso));
}

/** "terça-feira, 30 de março" — the day of an appointment in a message. */
export function formatDay(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(Date.parse(iso));
}

/** "10:00" — the wall-clock time of an appointment in a message. */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(iso));
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}
