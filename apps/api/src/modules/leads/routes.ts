import { z } from 'zod';
import { Id, LeadDetail, LeadNote, LeadNoteIn, LeadPatch, LeadQuery, LeadSettings, LeadSummary, LeadTimelineItem } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { LeadsService } from './service';

export function leadRoutes(app: ZodApp, leads: LeadsService): void {
  const tags = ['leads'];
  const params = z.object({ id: Id });
  app.get('/v1/leads/settings', { schema: { tags, summary: 'Scoring weights and thresholds, budget bands, field meanings, routing and SLAs', response: { 200: LeadSettings } } },
    async (req) => leads.settings(requireTenant(req)));
  app.put('/v1/leads/settings', { schema: { tags, summary: 'Replace the lead settings', body: LeadSettings, response: { 200: LeadSettings } } },
    async (req) => leads.saveSettings(requireTenant(req), req.body));
  app.get('/v1/leads', {
    schema: { tags, summary: "Leads, newest first, with the contact's name and the response clock; filter by stage, temperature, owner, contact, source", querystring: LeadQuery,
      response: { 200: z.object({ items: z.array(LeadSummary), nextCursor: z.string().nullable() }) } },
  }, async (req) => leads.list(requireTenant(req), req.query));
  app.get('/v1/leads/:id', { schema: { tags, summary: 'A lead with its explained score, notes, running SLA timers and breaches', params, response: { 200: LeadDetail } } },
    async (req) => leads.get(requireTenant(req), req.params.id));
  app.patch('/v1/leads/:id', {
    schema: { tags, summary: 'Set the stage (lost needs lostReason), owner, tags, answers, campaign or referral', params, body: LeadPatch, response: { 200: LeadDetail } },
  }, async (req) => leads.update(requireTenant(req), req.params.id, req.body));
  app.post('/v1/leads/:id/notes', { schema: { tags, summary: 'Add a note', params, body: LeadNoteIn, response: { 201: LeadNote } } },
    async (req, reply) => reply.code(201).send(await leads.addNote(requireTenant(req), req.params.id, req.body.text)));
  app.get('/v1/leads/:id/timeline', {
    schema: { tags, summary: 'Everything about the lead, oldest first: lead events, messages, bookings, payments', params,
      response: { 200: z.object({ items: z.array(LeadTimelineItem) }) } },
  }, async (req) => ({ items: await leads.timeline(requireTenant(req), req.params.id) }));
}
