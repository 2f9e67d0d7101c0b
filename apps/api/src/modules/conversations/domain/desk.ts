/** The inbox's queues, in the order the dashboard shows them (definitions: desk/repository.ts). */
export const QUEUES = ['all', 'open', 'mine', 'unassigned', 'waiting', 'breached'] as const;
export type Queue = (typeof QUEUES)[number];

/** Tags as stored: trimmed, lower-case, each once, in the order first given. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}
