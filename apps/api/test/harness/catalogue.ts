import type { TestApp } from './app';

export const WEEKDAYS_9_TO_17 = {
  mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']], fri: [['09:00', '17:00']],
};

/** Creates resources with a schedule and one service over them, through the HTTP API. */
export async function setupCatalogue(app: TestApp, key: string, opts: {
  resources?: { name: string; kind?: string }[];
  timeZone?: string;
  weekly?: Record<string, string[][]>;
  service?: Record<string, unknown>;
} = {}) {
  const headers = app.auth(key);
  const timeZone = opts.timeZone ?? 'America/Sao_Paulo';
  const resourceIds: string[] = [];
  for (const r of opts.resources ?? [{ name: 'Ana' }]) {
    const res = await app.app.inject({ method: 'POST', url: '/v1/resources', headers, payload: { name: r.name, kind: r.kind ?? 'staff', timeZone } });
    if (res.statusCode !== 201) throw new Error(res.body);
    const id = res.json().id as string;
    const sched = await app.app.inject({
      method: 'PUT', url: `/v1/resources/${id}/schedule`, headers,
      payload: { timeZone, weekly: opts.weekly ?? WEEKDAYS_9_TO_17, overrides: [] },
    });
    if (sched.statusCode !== 200) throw new Error(sched.body);
    resourceIds.push(id);
  }
  const svc = await app.app.inject({
    method: 'POST', url: '/v1/services', headers,
    payload: { name: 'Visit', durationMinutes: 60, price: { amount: 10000, currency: 'BRL' }, resourceIds, ...opts.service },
  });
  if (svc.statusCode !== 201) throw new Error(svc.body);
  return { resourceIds, serviceId: svc.json().id as string, headers };
}
