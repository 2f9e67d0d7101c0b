// Assistant turns in process without an LLM: understanding + policy + tools (real database).
// Run: npx tsx bench/assistant.bench.ts
import { percentile, startBenchServer } from './harness';
import { seedBlueprint } from '../apps/api/src/seed';
import { withTenant } from '../apps/api/src/platform/db/tenant-scope';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 40);
const SCOPED = process.env.BENCH_TENANT_SCOPE === '1';
const days = ['segunda', 'terça', 'quarta', 'quinta', 'sexta'];
const parts = ['de manhã', 'à tarde'];
const script = (c: number) => [
  'Oi, bom dia!',
  'quanto custa?',
  'que horas vocês abrem?',
  `queria marcar uma avaliação pro meu filho na ${days[c % 5]} ${parts[Math.floor(c / 5) % 2]}`,
  'a segunda',
  'Ana Paula Ribeiro',
  'sim',
  'obrigada!',
];

const server = await startBenchServer();
try {
  const { parts } = server;
  await seedBlueprint(parts, 'kumon-vila-a');
  const service = parts.conversations.service;
  const tenant = (await parts.accounts.tenantBySlug('kumon-vila-a'))!;
  const pure: number[] = [];
  const turns: number[] = [];
  let booked = 0;
  for (let c = 0; c < CONVERSATIONS; c++) {
    const { conversationId } = await service.start('kumon-vila-a');
    // Kumon asks for consent (LGPD) on first contact: the parent agrees before the measured turns.
    for (const text of ['Oi', 'sim']) await service.receive(tenant.id, conversationId, text);
    for (const text of script(c)) {
      const t = performance.now();
      // BENCH_TENANT_SCOPE=1: each turn under row-level security, as a tenant's request would run.
      const receive = () => service.receive(tenant.id, conversationId, text);
      const { replies } = await (SCOPED ? withTenant(tenant.id, receive) : receive());
      turns.push(performance.now() - t);
      if (replies.some((r) => /Pronto/.test(r.text))) booked++;
    }
  }
  // The pure part alone: understanding + policy, no database.
  const { understand } = await import('../apps/api/src/modules/conversations/domain/nlu/understand');
  const ctx = { now: Date.now(), timeZone: 'America/Sao_Paulo', locale: 'pt-BR', services: [{ id: 's', name: 'Avaliação diagnóstica' }], staff: [] };
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    understand(script(i)[i % 8]!, ctx);
    pure.push(performance.now() - t);
  }
  turns.sort((a, b) => a - b);
  pure.sort((a, b) => a - b);
  const ms = (x: number) => +x.toFixed(2);
  console.log(JSON.stringify({
    benchmark: 'assistant turn in process (understanding + policy + tools, embedded PostgreSQL)',
    turns: turns.length, conversationsBooked: booked, conversations: CONVERSATIONS,
    turnMs: { p50: ms(percentile(turns, 50)), p95: ms(percentile(turns, 95)), p99: ms(percentile(turns, 99)) },
    turnsPerSecond: Math.round(turns.length / (turns.reduce((a, b) => a + b, 0) / 1000)),
    understandOnlyMs: { p50: ms(percentile(pure, 50)), p99: ms(percentile(pure, 99)) },
  }));
} finally {
  await server.stop();
}
