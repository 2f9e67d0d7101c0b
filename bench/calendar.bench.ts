// Time to interactive of the dashboard's calendar week view with 500 bookings in view, in Chromium.
// Run: npx tsx bench/calendar.bench.ts   (builds the dashboard first; CHROMIUM_PATH for another browser)
import os from 'node:os';
import buildDashboard from '../apps/dashboard/test/build';
import { launchBrowser } from '../apps/api/test/browser/browser';
import { ADMIN_KEY, api, percentile, startBenchServer } from './harness';

const BOOKINGS = 500;
const RESOURCES = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const removeBuild = buildDashboard(); // into a folder of its own, which the server below serves
const server = await startBenchServer();
try {
  const created = await api(server.url, ADMIN_KEY, 'POST', '/v1/tenants',
    { name: 'Bench Calendar', slug: 'bench-calendar', timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
  const key = (created.body.apiKey as { key: string }).key;
  const weekly = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['07:00', '21:00']]]));
  const resourceIds: string[] = [];
  for (let i = 0; i < RESOURCES; i++) {
    const r = await api(server.url, key, 'POST', '/v1/resources', { name: `Crew ${i + 1}`, kind: 'staff', timeZone: 'Europe/London' });
    await api(server.url, key, 'PUT', `/v1/resources/${r.body.id}/schedule`, { timeZone: 'Europe/London', weekly, overrides: [] });
    resourceIds.push(r.body.id as string);
  }
  const service = await api(server.url, key, 'POST', '/v1/services',
    { name: 'Visit', durationMinutes: 60, slotIntervalMinutes: 30, price: { amount: 5000, currency: 'GBP' }, resourceIds, horizonDays: 730 });

  // 500 bookings in one week (next year's second Monday): 10 columns × 7 days, up to 8 a day each.
  const monday = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1));
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7) + 7);
  const date = monday.toISOString().slice(0, 10);
  for (let i = 0; i < BOOKINGS; i++) {
    const day = Math.floor(i / RESOURCES) % 7;
    const slot = Math.floor(i / (RESOURCES * 7));
    const start = Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() + day, 7 + slot * 1.5); // GMT in January
    const res = await api(server.url, key, 'POST', '/v1/bookings', {
      serviceId: service.body.id, start: new Date(start).toISOString(), resourceIds: [resourceIds[i % RESOURCES]], customer: { name: `Customer ${i + 1}` },
    });
    if (res.status !== 201) throw new Error(`booking ${i} failed: ${JSON.stringify(res.body)}`);
  }

  // A manager's session cookie (an invitation accepted through the API).
  const invited = await api(server.url, key, 'POST', '/v1/team/invitations', { email: 'bench@calendar.test', role: 'manager' });
  const token = new URL(invited.body.acceptUrl as string).hash.replace('#token=', '');
  const accepted = await fetch(`${server.url}/v1/invitations/${token}/accept`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench', password: 'a long bench passphrase' }),
  });
  const cookie = /fd_session=([^;]+)/.exec(accepted.headers.get('set-cookie') ?? '')![1]!;

  const browser = await launchBrowser();
  type Run = { shown: number; interactive: number; domContentLoaded: number; blocks: number };
  const measure = async (cold: boolean): Promise<Run> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    await context.addCookies([{ name: 'fd_session', value: cookie, url: server.url }]);
    const page = await context.newPage();
    // In the page from its first script: when the 500th booking is in the DOM, and the last long task.
    await page.addInitScript(`
      window.__bench = { longTaskEnd: 0 };
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTaskEnd = Math.max(window.__bench.longTaskEnd, e.startTime + e.duration); })
        .observe({ type: 'longtask', buffered: true });
      new MutationObserver(() => {
        if (!window.__bench.shown && document.querySelectorAll('button[data-booking]').length >= ${BOOKINGS}) window.__bench.shown = performance.now();
      }).observe(document, { childList: true, subtree: true });`);
    const url = `${server.url}/app/calendar?view=week&date=${date}`;
    if (!cold) await page.goto(url); // warm: the assets are in the browser's cache
    await page.goto(url);
    // Polled from outside (the page's CSP forbids waitForFunction's eval); the time is taken inside the page.
    for (const until = Date.now() + 30_000; !(await page.evaluate<boolean>('window.__bench.shown !== undefined'));) {
      if (Date.now() > until) throw new Error('the bookings never appeared');
      await page.waitForTimeout(20);
    }
    // Interactive: the bookings are in and no long task (> 50 ms) runs after them; read a frame and a task later.
    const result = await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve({
      shown: window.__bench.shown, interactive: Math.max(window.__bench.shown, window.__bench.longTaskEnd),
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      blocks: document.querySelectorAll('button[data-booking]').length,
      requests: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, '').slice(0, 60), Math.round(e.startTime), Math.round(e.responseEnd)]),
    }), 0)))`) as Run;
    if (process.env.BENCH_TRACE) console.log(JSON.stringify(result));
    await context.close();
    return result;
  };

  for (const cold of [true, false]) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(cold));
    const pick = (f: (r: Run) => number) => runs.map(f).sort((a, b) => a - b);
    const ms = (sorted: number[], p: number) => Math.round(percentile(sorted, p));
    const shown = pick((r) => r.shown);
    const interactive = pick((r) => r.interactive);
    console.log(JSON.stringify({
      benchmark: 'calendar week view, time to interactive', cache: cold ? 'cold' : 'warm', bookingsInView: runs[0]!.blocks, columns: RESOURCES * 7, runs: RUNS,
      domContentLoadedMs: ms(pick((r) => r.domContentLoaded), 50),
      bookingsShownMs: { p50: ms(shown, 50), max: ms(shown, 100) },
      interactiveMs: { p50: ms(interactive, 50), max: ms(interactive, 100) },
      machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg().map((l) => +l.toFixed(2)) },
    }));
  }
  await browser.close();
} finally {
  await server.stop();
  removeBuild();
}
