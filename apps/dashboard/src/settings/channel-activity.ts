import type { ChannelActivity } from '@frontdesk/contracts';

/**
 * Whether to warn that the provider's calls are refused: only when the last refusal came after the
 * last event that got in (a refusal followed by good deliveries was a setup since fixed, or noise).
 */
export function refusedLately(activity: ChannelActivity): boolean {
  if (!activity.lastRejectedAt) return false;
  return !activity.lastInboundAt || Date.parse(activity.lastRejectedAt) > Date.parse(activity.lastInboundAt);
}
