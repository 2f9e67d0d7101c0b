/** The week's numbers on the home page, from its bookings (pure). */
export interface BookingLike {
  start: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  price: { amount: number; currency: string };
}

export interface WeekSummary {
  /** Bookings that still stand (everything but cancelled). */
  booked: number;
  confirmed: number;
  cancelled: number;
  noShow: number;
  /** What the standing bookings are worth, in the tenant's currency (other currencies left out). */
  value: { amount: number; currency: string };
}

export function summarizeWeek(bookings: readonly BookingLike[], range: { from: number; to: number }, currency: string): WeekSummary {
  const inWeek = bookings.filter((b) => {
    const start = Date.parse(b.start);
    return start >= range.from && start < range.to;
  });
  const standing = inWeek.filter((b) => b.status !== 'cancelled');
  return {
    booked: standing.length,
    confirmed: inWeek.filter((b) => b.status === 'confirmed' || b.status === 'completed').length,
    cancelled: inWeek.length - standing.length,
    noShow: inWeek.filter((b) => b.status === 'no_show').length,
    value: { amount: standing.filter((b) => b.price.currency === currency).reduce((sum, b) => sum + b.price.amount, 0), currency },
  };
}

/** Today's list: bookings that start on the day, earliest first. */
export function startingWithin<T extends { start: string }>(bookings: readonly T[], range: { from: number; to: number }): T[] {
  return bookings.filter((b) => {
    const start = Date.parse(b.start);
    return start >= range.from && start < range.to;
  }).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
