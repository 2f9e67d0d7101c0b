import type { Database } from '../../../platform/db/database';
import type { ZodApp } from '../../../platform/http/server';
import type { AssistantPorts } from '../ports';
import { llmRoutes } from './routes';
import { llmSettingsService } from './settings';
import { llmTurns, type LlmOptions } from './turn';

/** The optional LLM: per-tenant settings and spend, and turns that fall back to the embedded engine. */
export function createLlm(db: Database, ports: AssistantPorts, options: LlmOptions) {
  const turns = llmTurns(db, ports, options);
  const settings = llmSettingsService(db, ports, options.defaultTimeoutMs, turns.forget, options.secrets);
  return { turns, settings, routes: (app: ZodApp) => llmRoutes(app, settings) };
}
export type Llm = ReturnType<typeof createLlm>;
export { chatCompletions } from './client';
export type { LlmOptions, LlmTurns } from './turn';
