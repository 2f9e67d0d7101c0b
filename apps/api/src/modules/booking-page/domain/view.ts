/** A booking as its customer sees it on the booking page (the manage link's page). Pure. */
import type { BookingPageBooking } from '@frontdesk/contracts';
import { changePolicy, noticeMinutes } from './policy';
import { localSpan } from './times';
import { formatUtc } from '../../../shared/time/zone';

export interface ViewFacts {
  booking: {
    id: string; status: BookingPageBooking['status']; start: string; end: string; resourceIds: string[];
    customer: { name: string; phone: string | null; email: string | null }; price: { amount: number; currency: string }; cancelledAt: string | null;
  };
  service: { id: string; name: string; durationMinutes: number; cancellationWindowMinutes: number };
  resourceNames: Map<string, string>;
  business: { slug: string; name: string; timeZone: string; locale: string };
  businessNoticeMinutes: number;
  now: number;
  visitorTimeZone: string | undefined;
  links: { manageUrl: string; icsUrl: string };
}

export function bookingView(f: ViewFacts): BookingPageBooking {
  const { booking: b, service, business } = f;
  const start = Date.parse(b.start);
  const end = Date.parse(b.end);
  const active = b.status === 'pending' || b.status === 'confirmed';
  const policy = changePolicy(start, noticeMinutes(service.cancellationWindowMinutes, f.businessNoticeMinutes), f.now, active);
  return {
    id: b.id,
    status: b.status,
    business,
    service: { id: service.id, name: service.name, durationMinutes: service.durationMinutes },
    resources: b.resourceIds.map((id) => ({ id, name: f.resourceNames.get(id) ?? '' })),
    start: b.start,
    end: b.end,
    visitorTime: localSpan(start, end, f.visitorTimeZone ?? business.timeZone),
    businessTime: localSpan(start, end, business.timeZone),
    customer: b.customer,
    price: b.price,
    policy: { changeNoticeMinutes: policy.changeNoticeMinutes, changeDeadline: formatUtc(policy.changeDeadline), canChange: policy.canChange },
    cancelledAt: b.cancelledAt,
    ...f.links,
  };
}
