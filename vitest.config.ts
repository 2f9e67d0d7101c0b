import { defineConfig } from 'vitest/config';
import { externalServer } from './apps/api/test/harness/external-server.ts';

const integration = {
  globalSetup: ['apps/api/test/harness/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // expect.poll waits for what a real page or worker does next; 1 s (the default) is too short on a busy CI machine.
  expect: { poll: { timeout: 10_000, interval: 50 } },
};

// The integration suites run on the embedded PostgreSQL and again on an external server
// (Debian's PostgreSQL 15 in CI) when one is configured or answers on 127.0.0.1:5432.
export default defineConfig(async () => ({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['apps/api/src/**/*.test.ts', 'packages/contracts/src/**/*.test.ts', 'apps/dashboard/src/**/*.test.ts'] },
      },
      {
        test: { name: 'integration', include: ['apps/api/test/**/*.test.ts'], ...integration },
      },
      {
        // The staff dashboard in Chromium against the real app; its production build is made once first.
        test: { name: 'dashboard', include: ['apps/dashboard/test/**/*.test.ts'], ...integration,
          globalSetup: [...integration.globalSetup, 'apps/dashboard/test/build.ts'] },
      },
      ...((await externalServer()) ? [{
        test: {
          name: 'integration-postgres',
          include: ['apps/api/test/{accounts,http,scheduling}/**/*.test.ts'],
          exclude: ['apps/api/test/scheduling/race.test.ts'], // races both servers itself
          env: { FRONTDESK_TEST_TARGET: 'postgres' },
          ...integration,
        },
      }] : []),
    ],
  },
}));
