/**
 * The booking page's steps as a pure state machine: service → staff (or anyone) → day → time →
 * details → confirm. A link may fix the service and/or the staff member
 * (`/book/<slug>?service=<id>&staff=<id>`); fixed steps are not shown, and a service with one
 * choice of staff (or none) needs no staff step.
 */
export type Step = 'service' | 'staff' | 'day' | 'time' | 'details' | 'confirm';

export interface ServiceChoices { id: string; resources: { id: string }[] }

/** What the link fixed, checked against what the business offers (unknown ids are ignored). */
export interface Preset { serviceId?: string; resourceId?: string }

export interface FlowState {
  step: Step;
  serviceId?: string;
  /** null: anyone available. */
  resourceId: string | null;
  /** The visitor's local day (YYYY-MM-DD). */
  date?: string;
  /** The chosen slot's UTC start. */
  start?: string;
  /** The Idempotency-Key of this booking attempt: one per confirm step, so a retry books once. */
  attempt?: string;
}

export type FlowAction =
  | { type: 'service'; id: string }
  | { type: 'staff'; id: string | null }
  | { type: 'day'; date: string }
  | { type: 'time'; start: string }
  | { type: 'details'; attempt: string }
  | { type: 'back' }
  /** The chosen time was taken meanwhile: choose another on the same day. */
  | { type: 'retime' };

/** Reads `?service=…&staff=…`, keeping only what the business offers together. */
export function presetFrom(search: string, services: readonly ServiceChoices[]): Preset {
  const params = new URLSearchParams(search);
  const service = services.find((s) => s.id === params.get('service'));
  const staff = params.get('staff');
  const offered = (s: ServiceChoices) => s.resources.some((r) => r.id === staff);
  const preset: Preset = {};
  if (service) preset.serviceId = service.id;
  if (staff && (service ? offered(service) : services.some(offered))) preset.resourceId = staff;
  return preset;
}

/** The services a visitor may choose from: with a staff member fixed, only what that person does. */
export function servicesFor<S extends ServiceChoices>(services: readonly S[], preset: Preset): S[] {
  if (!preset.resourceId) return [...services];
  return services.filter((s) => s.resources.some((r) => r.id === preset.resourceId));
}

export function stepsFor(service: ServiceChoices | undefined, preset: Preset): Step[] {
  const steps: Step[] = [];
  if (!preset.serviceId) steps.push('service');
  if (!preset.resourceId && (!service || service.resources.length > 1)) steps.push('staff');
  steps.push('day', 'time', 'details', 'confirm');
  return steps;
}

export function initialState({ preset, services }: { preset: Preset; services: readonly ServiceChoices[] }): FlowState {
  const state: FlowState = { step: 'service', resourceId: preset.resourceId ?? null };
  if (preset.serviceId) state.serviceId = preset.serviceId;
  state.step = stepsFor(services.find((s) => s.id === preset.serviceId), preset)[0]!;
  return state;
}

/** The flow for one business: `serviceOf` finds a service by id, `preset` is what the link fixed. */
export function flowReducer(services: readonly ServiceChoices[], preset: Preset) {
  const serviceOf = (id: string | undefined) => services.find((s) => s.id === id);
  const after = (state: FlowState, step: Step): Step => {
    const steps = stepsFor(serviceOf(state.serviceId), preset);
    return steps[steps.indexOf(step) + 1] ?? 'confirm';
  };
  const withoutAttempt = ({ attempt: _attempt, ...rest }: FlowState): FlowState => rest;

  return function reduce(state: FlowState, action: FlowAction): FlowState {
    switch (action.type) {
      case 'service': {
        if (!serviceOf(action.id)) return state;
        // The same service again keeps what was chosen after it; another one starts over from it.
        const next: FlowState = action.id === state.serviceId ? withoutAttempt(state)
          : { step: state.step, serviceId: action.id, resourceId: preset.resourceId ?? null };
        return { ...next, step: after(next, 'service') };
      }
      case 'staff': {
        const known = action.id === null || serviceOf(state.serviceId)?.resources.some((r) => r.id === action.id);
        if (!known || preset.resourceId) return state;
        const { date: _d, start: _s, ...rest } = withoutAttempt(state);
        return { ...rest, resourceId: action.id, step: 'day' };
      }
      case 'day': {
        const { start: _s, ...rest } = withoutAttempt(state);
        return { ...rest, date: action.date, step: 'time' };
      }
      case 'time':
        return { ...withoutAttempt(state), start: action.start, step: 'details' };
      case 'details':
        return { ...state, attempt: action.attempt, step: 'confirm' };
      case 'retime': {
        const { start: _s, ...rest } = withoutAttempt(state);
        return { ...rest, step: 'time' };
      }
      case 'back': {
        const steps = stepsFor(serviceOf(state.serviceId), preset);
        const previous = steps[steps.indexOf(state.step) - 1];
        return previous ? { ...withoutAttempt(state), step: previous } : state;
      }
    }
  };
}
