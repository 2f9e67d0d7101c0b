import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { inProcessInstance } from '../../src/modules/conversations/scenarios/in-process';
import type { Instance } from '../../src/modules/conversations/scenarios/instance';
import { loadScenarios, PENDING_DIR } from '../../src/modules/conversations/scenarios/load';
import { formatResult } from '../../src/modules/conversations/scenarios/report';
import { runScenario } from '../../src/modules/conversations/scenarios/runner';

/**
 * The release checks: every blueprint's scripted conversations (apps/api/scenarios/<slug>/,
 * pending/ left out), in process on this suite's database with each scenario's clock.
 */
const scenariosDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scenarios');
const BLUEPRINTS = ['kumon-vila-a', 'barberpro-palermo', 'speedy-van', 'flexoraa'];

let app: TestApp;
let instance: Instance;
beforeAll(async () => {
  app = await startTestApp({ config: { chatLimits: { startsPerMinute: 100_000, messagesPerMinute: 100_000 } } });
  const keys = new Map<string, string>();
  for (const name of BLUEPRINTS) keys.set(name, (await seedTenant(app, name)).key);
  const clock = { set: (ms: number | undefined) => (ms === undefined ? app.clock.useRealTime() : app.clock.set(ms)) };
  instance = inProcessInstance(app, clock, async (slug) => keys.get(slug) ?? Promise.reject(new Error(`no tenant ${slug}`)));
});

for (const blueprint of BLUEPRINTS) {
  describe(`${blueprint} scenarios`, () => {
    const files = loadScenarios(path.join(scenariosDir, blueprint));

    it('has at least ten, all written for this blueprint, and its pending ones are valid files', () => {
      expect(files.length).toBeGreaterThanOrEqual(10);
      expect(files.filter((f) => f.scenario.blueprint !== blueprint).map((f) => f.file)).toEqual([]);
      const pending = path.join(scenariosDir, blueprint, PENDING_DIR);
      if (fs.existsSync(pending)) expect(loadScenarios(pending).every((f) => f.scenario.blueprint === blueprint)).toBe(true);
    });

    for (const file of files) {
      it(`${path.basename(file.file)}: ${file.scenario.name}`, async () => {
        const result = await runScenario(instance, file);
        expect(result.passed, formatResult(result)).toBe(true);
      });
    }
  });
}
