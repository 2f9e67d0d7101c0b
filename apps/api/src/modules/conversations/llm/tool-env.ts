import type { Understanding } from '../domain/nlu/types';
import type { Command, ConversationState, PolicyContext, ToolEvent } from '../domain/policy/types';
import type { TenantAssistantContext } from '../context';
import type { AssistantPorts } from '../ports';
import { runCommand } from '../tools';

/** What a tool call needs: the same ports, context and hand-off as the embedded engine's tools. */
export interface ToolEnv {
  ports: AssistantPorts;
  tenantId: string;
  ctx: PolicyContext;
  assistant: TenantAssistantContext;
  understanding: Understanding;
  handOff: () => Promise<void>;
}

/** One tool call's effect: the next state, what the model is told, and what staff will see. */
export interface ToolOutcome {
  state: ConversationState;
  result: Record<string, unknown>;
  /** A scheduling outcome the embedded engine can phrase if the model never answers. */
  event?: ToolEvent;
  sources: string[];
  commands: { command: Command; outcome: ToolEvent | undefined }[];
}

export const refuse = (state: ConversationState, error: string): ToolOutcome => ({ state, result: { error }, sources: [], commands: [] });

/** Runs a policy Command through the shared tools (../tools.ts) and keeps it for the record. */
export async function execute(env: ToolEnv, state: ConversationState, command: Command, record: ToolOutcome['commands']) {
  const outcome = await runCommand(env.ports, env.tenantId, state, env.ctx, command, env.handOff);
  record.push({ command, outcome });
  return outcome;
}
