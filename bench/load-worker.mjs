// Load generator in its own thread (plain JS: worker threads do not inherit the TypeScript loader).
// node:http with keep-alive is much lighter than fetch, so more of the CPU is left to the server.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, key, jobs, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);

function post(route, body, raw, extraHeaders) {
  const payload = raw ?? JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: target.hostname, port: target.port, path: route, method: 'POST', agent,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...extraHeaders },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const latencies = [];
const statuses = {};
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < jobs.length) {
    const job = jobs[next++];
    const t = performance.now();
    const status = await post(job.route, job.body, job.raw, job.headers);
    latencies.push(performance.now() - t);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
}));
agent.destroy();
parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, statuses });
