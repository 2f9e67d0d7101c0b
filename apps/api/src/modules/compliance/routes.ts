import { z } from 'zod';
import { ErasureDecision, ErasureRequest, ErasureRequestCreate, ErasureRequestList, ErasureRequestQuery, Id } from '@frontdesk/contracts';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/http/server';
import { actorOf, requireTenant } from '../../platform/auth/bearer';
import type { ComplianceService } from './service';

const actor = (req: FastifyRequest) => actorOf(req.principal!);

export function complianceRoutes(app: ZodApp, compliance: ComplianceService): void {
  const tags = ['privacy'];
  const params = z.object({ id: Id });
  app.get('/v1/contacts/:id/export', {
    schema: { tags, summary: "Everything stored about a contact, as a zip of data.json and one CSV per data class (GDPR/LGPD access request)", params,
      produces: ['application/zip'], response: { 200: z.any().describe('application/zip') } },
  }, async (req, reply) => {
    const { filename, zip } = await compliance.exportContact(requireTenant(req), req.params.id);
    return reply.type('application/zip').header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store').send(Buffer.from(zip));
  });
  app.post('/v1/privacy/erasure-requests', {
    schema: { tags, summary: "Ask for a contact's personal data to be erased; a manager or owner approves it", body: ErasureRequestCreate, response: { 201: ErasureRequest } },
  }, async (req, reply) => reply.code(201).send(await compliance.request(requireTenant(req), req.body, actor(req), 'staff')));
  app.get('/v1/privacy/erasure-requests', {
    schema: { tags, summary: 'Erasure requests, newest first', querystring: ErasureRequestQuery, response: { 200: ErasureRequestList } },
  }, async (req) => ({ items: await compliance.list(requireTenant(req), req.query.status, req.query.limit) }));
  app.get('/v1/privacy/erasure-requests/:id', {
    schema: { tags, summary: 'One erasure request; once completed, its receipt (rows changed per data class, and when)', params, response: { 200: ErasureRequest } },
  }, async (req) => compliance.get(requireTenant(req), req.params.id));
  app.post('/v1/privacy/erasure-requests/:id/approve', {
    schema: { tags, summary: "Approve and erase: the contact's personal values are replaced everywhere, in one transaction", params,
      body: ErasureDecision.optional(), response: { 200: ErasureRequest } },
  }, async (req) => compliance.approve(requireTenant(req), req.params.id, actor(req), req.body?.note ?? null));
  app.post('/v1/privacy/erasure-requests/:id/reject', {
    schema: { tags, summary: 'Reject an erasure request (say why in the note)', params, body: ErasureDecision.optional(), response: { 200: ErasureRequest } },
  }, async (req) => compliance.reject(requireTenant(req), req.params.id, actor(req), req.body?.note ?? null));
}
