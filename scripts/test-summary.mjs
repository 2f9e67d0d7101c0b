// Prints the run's closing line ("tests: N passed, N failed") from vitest's JSON report.
import fs from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
if (!fs.existsSync(file)) {
  console.log('tests: 0 passed, 1 failed (no test report was written)');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(r.numFailedTests > 0 || r.numTotalTests === 0 || !r.success ? 1 : 0);
