// Load generator in its own thread (plain JS: worker threads do not inherit the TypeScript loader), so the client does not share the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';

const { url, key, jobs, concurrency } = workerData;

const latencies = [];
const statuses = {};
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < jobs.length) {
    const job = jobs[next++];
    const t = performance.now();
    const res = await fetch(`${url}${job.route}`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(job.body),
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
}));
parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, statuses });
