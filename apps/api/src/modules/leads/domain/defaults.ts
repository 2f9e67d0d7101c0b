import type { LeadSettings } from '@frontdesk/contracts';

/** Settings of a tenant that never saved its own: a generic sales funnel, nobody routed, HOT answered in 5 minutes. */
export const DEFAULT_SETTINGS: LeadSettings = {
  weights: { fit: 25, intent: 25, budget: 15, timeline: 15, engagement: 20 },
  thresholds: { hot: 70, warm: 40 },
  budgetBands: [],
  fields: { budget: 'budget', timeline: 'timeline', decision_role: 'decision_role', company_size: 'company_size', need: 'need' },
  fit: {},
  routing: { agents: [], capacity: 25, takeOverMinutes: 120 },
  sla: {
    firstResponseMinutes: { hot: 5, warm: 60, cold: 24 * 60 },
    nextResponseMinutes: { hot: 15, warm: 4 * 60, cold: 24 * 60 },
    escalateTo: null,
    leakageAfterMinutes: 24 * 60,
  },
};

/** Saved (or blueprint) settings over the defaults, one level deep. */
export function withDefaults(partial: Partial<LeadSettings>): LeadSettings {
  const d = DEFAULT_SETTINGS;
  return {
    ...d, ...partial,
    weights: { ...d.weights, ...partial.weights },
    thresholds: { ...d.thresholds, ...partial.thresholds },
    fit: { ...d.fit, ...partial.fit },
    routing: { ...d.routing, ...partial.routing },
    sla: { ...d.sla, ...partial.sla },
  };
}
