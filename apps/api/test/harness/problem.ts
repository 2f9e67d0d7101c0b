import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { errorCodes, type ErrorCode } from '@frontdesk/contracts';

export type FieldError = { path: string; message: string };
export type ProblemBody = { errors?: FieldError[]; detail: string } & Record<string, unknown>;

/** Asserts the RFC 9457 shape every error shares, its status and code, and that nothing internal leaks. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: ErrorCode): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as ProblemBody;
  expect(body).toMatchObject({ type: `https://frontdesk.dev/errors/${code}`, title: errorCodes[code].title, status, code });
  expect(typeof body.detail).toBe('string');
  expect(body).not.toHaveProperty('stack');
  // No stack frames or source paths anywhere in the body.
  expect(res.body).not.toMatch(/\bat .+\(.*:\d+:\d+\)|\.ts:\d+|node_modules|\/work\//);
  return body;
}
