/** RFC 3339 in UTC without milliseconds when they are zero: 2026-12-01T11:00:00Z. */
export function isoInstant(value: Date | number): string {
  return new Date(value).toISOString().replace('.000Z', 'Z');
}
