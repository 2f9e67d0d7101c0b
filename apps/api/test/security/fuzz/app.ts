import { startTestApp, type TestApp } from '../../harness/app';

/** Fuzzed URLs and provider configs must never leave this machine: the network is the one part replaced. */
const noNetwork = (async () => { throw new TypeError('fetch failed: no network in the fuzz suite'); }) as typeof fetch;

/**
 * The real app for fuzzing: limits that would only answer 429/503 to the fuzzer are lifted (they are
 * tested elsewhere), host names resolve to a public documentation address, and outgoing HTTP fails.
 */
export function startFuzzApp(logStream: { write(line: string): void }): Promise<TestApp> {
  return startTestApp({
    // Error lines only: the unhandled errors behind a 500, to explain a failure.
    config: {
      logLevel: 'error', outboundAllowPrivate: false,
      chatLimits: { startsPerMinute: 100_000, messagesPerMinute: 100_000 },
      bookingPageLimits: { changesPerMinute: 100_000 },
      rateLimits: { perKey: 0, perTenant: 0, perIp: 0, signInPerIp: 0, webhooksPerIp: 0 },
      backpressure: { inbound: 0, outbox: 0 },
    },
    http: noNetwork, logStream, resolve: async () => ['93.184.215.14'],
  });
}
