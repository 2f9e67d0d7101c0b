import { LlmSettings, LlmSettingsIn, LlmUsage, LlmUsageQuery } from '@frontdesk/contracts';
import type { ZodApp } from '../../../platform/http/server';
import { requireTenant } from '../../../platform/auth/bearer';
import type { LlmSettingsService } from './settings';

/** The tenant's optional LLM: endpoint, key (write-only), budget and spend. */
export function llmRoutes(app: ZodApp, settings: LlmSettingsService): void {
  const tags = ['assistant'];
  app.get('/v1/assistant/llm', {
    schema: { tags, response: { 200: LlmSettings }, summary: 'The LLM endpoint the assistant uses, if any (never the key)' },
  }, async (req) => settings.get(requireTenant(req)));

  app.put('/v1/assistant/llm', {
    schema: { tags, body: LlmSettingsIn, response: { 200: LlmSettings },
      summary: 'Point the assistant at an OpenAI-compatible endpoint; it falls back to the embedded engine on any trouble' },
  }, async (req) => settings.put(requireTenant(req), req.body));

  app.delete('/v1/assistant/llm', {
    schema: { tags, summary: 'Stop using an LLM: forget the endpoint and key (the daily cap stays)' },
  }, async (req, reply) => {
    await settings.remove(requireTenant(req));
    return reply.code(204).send();
  });

  app.get('/v1/assistant/llm/usage', {
    schema: { tags, querystring: LlmUsageQuery, response: { 200: LlmUsage }, summary: "A day's LLM tokens and spend against the daily cap" },
  }, async (req) => settings.usage(requireTenant(req), req.query.day));
}
