/** Slots for display: UTC ISO strings plus wall-clock times in the viewer's zone. */
import { formatOffset, formatUtc, instantToLocal } from '../../../../shared/time/zone';
import type { RenderedSlot, Slot } from './types';

export function renderSlots(slots: readonly Slot[], viewerTimeZone: string): RenderedSlot[] {
  const out: RenderedSlot[] = new Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    const ls = instantToLocal(s.start, viewerTimeZone);
    const le = instantToLocal(s.end, viewerTimeZone);
    const r: RenderedSlot = {
      start: formatUtc(s.start),
      end: formatUtc(s.end),
      localStart: ls.iso,
      localEnd: le.iso,
      utcOffset: formatOffset(ls.offsetMinutes),
      resourceIds: s.resourceIds,
    };
    if (s.seatsLeft !== undefined) r.seatsLeft = s.seatsLeft;
    out[i] = r;
  }
  return out;
}
