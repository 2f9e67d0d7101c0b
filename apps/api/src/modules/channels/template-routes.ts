import { z } from 'zod';
import { ChatMessage, Id, ReplyWindow, Template, TemplateCreate, TemplateSend, TemplateUpdate } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import { AppError, notFound, validationError } from '../../shared/errors';
import type { ConversationService } from '../conversations/service';
import { renderTemplate } from './domain/template';
import { windowClosed, windowClosesAt } from './domain/content';
import { channelsRepository } from './repository';
import type { MessageTemplates } from './templates';

export function templateRoutes(app: ZodApp, templates: MessageTemplates, conversations: ConversationService, db: Parameters<MessageTemplates['find']>[0],
  clock: { now(): number }): void {
  const tags = ['templates'];
  app.post('/v1/templates', { schema: { tags, body: TemplateCreate, response: { 201: Template }, summary: 'Register a message template (as submitted to the provider)' } },
    async (req, reply) => reply.code(201).send(await templates.create(requireTenant(req), req.body)));
  app.get('/v1/templates', { schema: { tags, response: { 200: z.object({ items: z.array(Template) }) } } },
    async (req) => ({ items: await templates.list(requireTenant(req)) }));
  app.patch('/v1/templates/:id', { schema: { tags, params: z.object({ id: Id }), body: TemplateUpdate, response: { 200: Template },
    summary: "Change a template's text or record the provider's approval" } },
  async (req) => templates.update(requireTenant(req), req.params.id, req.body));
  app.delete('/v1/templates/:id', { schema: { tags, params: z.object({ id: Id }) } }, async (req, reply) => {
    await templates.remove(requireTenant(req), req.params.id);
    return reply.code(204).send();
  });

  app.get('/v1/conversations/:id/reply-window', {
    schema: { tags: ['conversations'], params: z.object({ id: Id }), response: { 200: ReplyWindow },
      summary: 'Whether staff may write free text now or only an approved template (the 24-hour window), and those templates' },
  }, async (req) => {
    const tenantId = requireTenant(req);
    const conversation = await conversations.get(tenantId, req.params.id);
    const repo = channelsRepository(db);
    const channel = conversation.channelId ? await repo.get(tenantId, conversation.channelId) : undefined;
    const target = channel ? await repo.handleOf(tenantId, conversation.id) : undefined;
    if (!channel || !target) return { closed: false, lastInboundAt: null, closesAt: null, templates: [] };
    const closed = windowClosed(channel.type, target.lastInboundAt, clock.now());
    return { closed, lastInboundAt: target.lastInboundAt?.toISOString() ?? null,
      closesAt: windowClosesAt(channel.type, target.lastInboundAt)?.toISOString() ?? null,
      templates: closed ? await templates.approved(db, tenantId) : [] };
  });

  app.post('/v1/conversations/:id/template', {
    schema: { tags: ['conversations'], params: z.object({ id: Id }), body: TemplateSend, response: { 201: ChatMessage },
      summary: 'Send an approved template (the way to write after the 24-hour window has closed)' },
  }, async (req, reply) => {
    const tenantId = requireTenant(req);
    const conversation = await conversations.get(tenantId, req.params.id);
    const lang = conversation.state.lang;
    const languages = req.body.language ? [req.body.language] : [`${lang}_BR`, `${lang}_AR`, `${lang}_GB`, `${lang}_IN`, `${lang}_US`, lang];
    const template = await templates.find(db, tenantId, req.body.name, languages);
    if (!template) throw notFound('Template');
    if (template.status !== 'approved') throw new AppError('TEMPLATE_NOT_APPROVED', `${template.name} (${template.language}) is ${template.status}`);
    const rendered = renderTemplate(template.body, req.body.variables);
    if ('missing' in rendered) throw validationError(rendered.missing.map((n) => ({ path: `variables[${n - 1}]`, message: `the template uses {{${n}}}` })));
    const message = await conversations.staffReply(tenantId, conversation.id, rendered.text,
      { name: template.name, language: template.language, variables: req.body.variables });
    return reply.code(201).send(message);
  });
}
