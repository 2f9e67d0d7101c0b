/** The availability engine: pure functions, instants in, instants out. */
export { findSlots } from './slots';
export { explainStart } from './explain';
export { renderSlots } from './render';
export { validateSchedule } from './validate';
export type {
  AvailabilityQuery,
  BusyInterval,
  Explanation,
  ExternalBusy,
  Reason,
  ReasonCode,
  RenderedSlot,
  RequirementGroup,
  ResourceAvailabilityInput,
  Schedule,
  ScheduleIssue,
  SeatSession,
  ServiceRules,
  Slot,
  WallInterval,
  Weekday,
} from './types';
