import { z } from 'zod';
import { RetentionRun, RetentionSettings } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { RetentionService } from './service';

export function retentionRoutes(app: ZodApp, retention: RetentionService): void {
  const tags = ['privacy'];
  app.get('/v1/privacy/retention', {
    schema: { tags, summary: 'Days each kind of data is kept (a class left out is kept for ever)', response: { 200: RetentionSettings } },
  }, async (req) => retention.settings(requireTenant(req)));
  app.put('/v1/privacy/retention', {
    schema: { tags, summary: 'Set the retention limits, applied every day from 03:00 in the tenant zone', body: RetentionSettings, response: { 200: RetentionSettings } },
  }, async (req) => {
    await retention.saveSettings(requireTenant(req), req.body);
    return retention.settings(requireTenant(req));
  });
  app.get('/v1/privacy/retention/runs', {
    schema: { tags, summary: 'The daily runs, newest first: for each class, its limit, the cutoff and the rows removed',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(RetentionRun) }) } },
  }, async (req) => ({ items: await retention.runs(requireTenant(req), req.query.limit) }));
}
