import type { SourceChannel } from '@frontdesk/contracts';
import type { DateTimeMention, Lang, Understanding } from '../nlu/types';

/** A slot the assistant offered, as the customer saw it. */
export interface Offer { id: string; start: string; end: string; resourceIds: string[]; label: string }

export interface ConversationState {
  lang: Lang;
  stage: 'idle' | 'choosing_service' | 'qualifying' | 'asking_when' | 'offering' | 'asking_name' | 'confirming' | 'choosing_cancel' | 'handoff' | 'opted_out';
  /** Qualification answers by field key, and the field just asked. */
  fields: Record<string, string>;
  askingField?: string;
  serviceId?: string;
  staffId?: string;
  when?: DateTimeMention;
  offers: Offer[];
  chosen?: Offer;
  holdId?: string;
  customer: { name?: string; phone?: string; email?: string };
  bookingIds: string[];
  cancelCandidates: { id: string; label: string; serviceId: string }[];
  /** Qualifying before offering times: go on to the booking once every answer is in. */
  bookAfterQualifying?: boolean;
  /** What the customer wants to do with one of their bookings, and which one once chosen. */
  pendingAction?: 'cancel' | 'reschedule';
  changingBookingId?: string;
  /** A message we sent on our own (a reminder, a rating question) whose answer comes next. */
  awaiting?: AwaitedReply;
  misses: number;
  lastActivityAt: number;
  /** Consent on first contact, when the tenant asks for it; the first request waits here until the answer. */
  consent?: { status: 'pending' | 'granted' | 'refused' | 'withdrawn'; held?: HeldMessage };
}

/** A customer message as the policy receives it (kept whole while consent is awaited). */
export interface HeldMessage { understanding: Understanding; text: string; knowledge?: { id: string; answer: string } }

/** What a reply to a proactive message means: "1/2/3" to a reminder, "1–5" to a rating question. */
export type AwaitedReply =
  | { kind: 'booking_reply'; bookingId: string; serviceId: string; label: string; options: ReplyOption[] }
  | { kind: 'rating'; ref: string; options: ReplyOption[] };

export interface ServiceInfo { id: string; name: string; durationMinutes: number; price: { amount: number; currency: string } }
export interface PolicyContext {
  now: number;
  tenantName: string;
  locale: string;
  timeZone: string;
  services: ServiceInfo[];
  staff: { id: string; name: string }[];
  location?: { name: string; address?: string };
  /** Weekly opening hours as shown to customers, e.g. { mon: [["08:00","12:00"],["14:00","17:00"]] }. */
  hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;
  greeting?: Partial<Record<Lang, string>>;
  currency?: string;
  /** Prices that are not bookable services (Kumon: a monthly fee per subject, an enrolment fee). */
  priceList?: PriceItem[];
  /** The tenant's qualification questions (Kumon's 8, Flexoraa's 6). */
  qualification?: QualificationField[];
  /** Ask them before offering times (a sales call) rather than after the booking (a visit). */
  qualifyBeforeOffering?: boolean;
  handoff?: HandoffRules;
  /** Set when the tenant asks new contacts for consent before anything else: the question per language and its purposes. */
  consent?: { purposes: string[]; text: Partial<Record<Lang, string>> };
  /** The channel its bookings are marked as coming from ('test' in staff's test chat: what it books is real). */
  bookingSource?: SourceChannel;
}

/** When this business wants a person instead of the assistant. */
export interface HandoffRules {
  afterMisunderstandings: number;
  unansweredQuestions: 'handoff' | 'say_unknown';
  keywords: string[];
  intents: ('book' | 'cancel' | 'reschedule' | 'ask_price')[];
}

export interface QualificationField {
  key: string;
  kind: 'name' | 'phone' | 'email' | 'age' | 'school_year' | 'subjects' | 'text';
  ask: Partial<Record<Lang, string>>;
  bookingName: boolean;
}

export interface PriceItem {
  id: string;
  name: Partial<Record<Lang, string>>;
  amount: number;
  period: 'once' | 'month' | 'session';
  perSubject: boolean;
}

export interface ReplyOption { id: string; label: string }
/** Every reply names the tool results it is grounded on (stored with the message). */
export interface Reply { text: string; options?: ReplyOption[]; sources?: string[] }

export type Command =
  | { kind: 'find_slots'; serviceId: string; staffId?: string; when?: DateTimeMention }
  | { kind: 'hold'; offer: Offer; serviceId: string }
  | { kind: 'book'; holdId: string; offer: Offer; serviceId: string; customer: { name: string; phone?: string; email?: string } }
  | { kind: 'release_hold'; holdId: string }
  | { kind: 'find_bookings'; phone?: string; email?: string; name?: string }
  | { kind: 'cancel_booking'; bookingId: string }
  | { kind: 'reschedule_booking'; bookingId: string; offer: Offer }
  | { kind: 'hand_off'; reason: string }
  | { kind: 'confirm_attendance'; bookingId: string }
  | { kind: 'record_rating'; ref: string; rating: number; comment?: string }
  | { kind: 'request_erasure' };

export type ToolEvent =
  | { kind: 'slots'; offers: Offer[] }
  | { kind: 'held'; holdId: string }
  | { kind: 'hold_failed' }
  | { kind: 'booked'; bookingId: string }
  | { kind: 'book_failed' }
  | { kind: 'bookings'; bookings: { id: string; label: string; serviceId: string }[] }
  | { kind: 'cancelled'; bookingId: string; label: string }
  | { kind: 'rescheduled'; bookingId: string }
  | { kind: 'reschedule_failed' }
  | { kind: 'handed_off' }
  | { kind: 'attendance_confirmed'; label: string }
  | { kind: 'rating_recorded' }
  /** The business's policy does not allow this change online (e.g. too close to the start). */
  | { kind: 'change_refused' };

/** A customer message, what was understood, and the FAQ entry that answers it, if one does. */
export type PolicyEvent = { kind: 'message'; understanding: Understanding; text: string; knowledge?: { id: string; answer: string } } | ToolEvent;

export interface StepResult { state: ConversationState; replies: Reply[]; commands: Command[] }

export function newConversationState(lang: Lang, now: number): ConversationState {
  return { lang, stage: 'idle', offers: [], customer: {}, fields: {}, bookingIds: [], cancelCandidates: [], misses: 0, lastActivityAt: now };
}
