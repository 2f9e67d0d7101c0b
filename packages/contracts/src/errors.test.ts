import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from './errors';

const doc = fs.readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])] as const);

describe('docs/errors.md', () => {
  it('lists exactly the error codes the API can return', () => {
    expect(rows.map(([code]) => code).sort()).toEqual(Object.keys(errorCodes).sort());
  });

  it('gives each code the status the API sends', () => {
    for (const [code, status] of rows) expect(status, code).toBe(errorCodes[code as keyof typeof errorCodes].status);
  });
});
