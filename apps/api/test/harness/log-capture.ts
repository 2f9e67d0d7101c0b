import { expect } from 'vitest';

/** The app's log lines, kept for a test to search (pass `stream` as startTestApp's logStream). */
export function captureLogs() {
  const lines: string[] = [];
  return {
    stream: { write: (line: string) => void lines.push(line) },
    text: () => lines.join(''),
    /** Asserts none of these appear anywhere in the log (and that something was logged at all). */
    expectNone(secrets: string[]): void {
      const log = lines.join('');
      expect(log.length).toBeGreaterThan(0);
      for (const secret of secrets) expect(log, `the log contains ${secret}`).not.toContain(secret);
    },
  };
}
