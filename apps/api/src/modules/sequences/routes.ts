import { z } from 'zod';
import { Enrolment, EnrolmentCreate, EnrolmentQuery, Id, Sequence, SequenceIn, SequencePatch, SequenceSettings } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { SequenceService } from './service';

export function sequenceRoutes(app: ZodApp, sequences: SequenceService): void {
  const tags = ['sequences'];
  const params = z.object({ id: Id });
  const items = <T extends z.ZodType>(item: T) => ({ 200: z.object({ items: z.array(item) }) });
  app.get('/v1/sequences/settings', { schema: { tags, summary: "Quiet hours (in the business's zone) when no follow-up goes out", response: { 200: SequenceSettings } } },
    async (req) => sequences.settings(requireTenant(req)));
  app.put('/v1/sequences/settings', { schema: { tags, summary: 'Replace the sequence settings', body: SequenceSettings, response: { 200: SequenceSettings } } },
    async (req) => sequences.saveSettings(requireTenant(req), req.body));
  app.post('/v1/sequences', { schema: { tags, summary: 'Create a follow-up sequence: a trigger and steps of message → wait → condition', body: SequenceIn, response: { 201: Sequence } } },
    async (req, reply) => reply.code(201).send(await sequences.create(requireTenant(req), req.body)));
  app.get('/v1/sequences', { schema: { tags, summary: 'The follow-up sequences, oldest first', response: items(Sequence) } },
    async (req) => ({ items: await sequences.list(requireTenant(req)) }));
  app.get('/v1/sequences/:id', { schema: { tags, summary: 'A sequence', params, response: { 200: Sequence } } },
    async (req) => sequences.get(requireTenant(req), req.params.id));
  app.patch('/v1/sequences/:id', { schema: { tags, summary: 'Change the name, trigger, steps or whether it is active', params, body: SequencePatch, response: { 200: Sequence } } },
    async (req) => sequences.update(requireTenant(req), req.params.id, req.body));
  app.delete('/v1/sequences/:id', { schema: { tags, summary: 'Delete a sequence and its enrolments', params } },
    async (req, reply) => {
      await sequences.remove(requireTenant(req), req.params.id);
      return reply.code(204).send();
    });
  app.post('/v1/sequences/:id/enrolments', {
    schema: { tags, summary: 'Enrol a contact by hand (once at a time per sequence)', params, body: EnrolmentCreate, response: { 201: Enrolment } },
  }, async (req, reply) => reply.code(201).send(await sequences.enrolContact(requireTenant(req), req.params.id, req.body.contactId)));
  app.get('/v1/sequences/:id/enrolments', {
    schema: { tags, summary: "The sequence's enrolments, newest first, with each step's outcome", params, querystring: EnrolmentQuery, response: items(Enrolment) },
  }, async (req) => ({ items: await sequences.enrolments(requireTenant(req), req.params.id, req.query) }));
  app.post('/v1/sequences/:id/enrolments/:enrolmentId/stop', {
    schema: { tags, summary: 'Stop an enrolment: no further step goes out', params: z.object({ id: Id, enrolmentId: Id }), response: { 200: Enrolment } },
  }, async (req) => sequences.stopEnrolment(requireTenant(req), req.params.id, req.params.enrolmentId));
  app.get('/v1/contacts/:id/enrolments', {
    schema: { tags, summary: "A contact's enrolments in every sequence, newest first", params, querystring: EnrolmentQuery, response: items(Enrolment) },
  }, async (req) => ({ items: await sequences.enrolmentsOfContact(requireTenant(req), req.params.id, req.query) }));
}
