/** Pure booking rules that are not about availability. */

const MINUTE = 60_000;

/** Changing or cancelling later than `windowMinutes` before the start breaks the policy. */
export function insideCancellationWindow(now: number, start: number, windowMinutes: number): boolean {
  return windowMinutes > 0 && now > start - windowMinutes * MINUTE;
}

export const activeStatuses = ['pending', 'confirmed'] as const;
export function isActive(status: string): boolean {
  return (activeStatuses as readonly string[]).includes(status);
}

const transitions: Record<string, string[]> = {
  pending: ['confirmed', 'completed', 'no_show'],
  confirmed: ['pending', 'completed', 'no_show'],
  completed: ['no_show'],
  no_show: ['completed'],
  cancelled: [],
};
export function canMove(from: string, to: string): boolean {
  return from === to || (transitions[from] ?? []).includes(to);
}

/** Occupied range of a booking on its resources: the appointment plus the service's buffers. */
export function blockOf(start: number, durationMinutes: number, bufferBefore: number, bufferAfter: number) {
  const end = start + durationMinutes * MINUTE;
  return { core: [start, end] as [number, number], block: [start - bufferBefore * MINUTE, end + bufferAfter * MINUTE] as [number, number] };
}
