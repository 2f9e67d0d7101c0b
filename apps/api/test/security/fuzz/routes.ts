import type { LightMyRequestResponse } from 'fastify';
import { ROUTE_RULES } from '../../../src/platform/auth/route-rules';
import type { TestApp } from '../../harness/app';
import type { Schema } from './arbitraries';

export interface Route {
  method: string;
  /** As in the OpenAPI document: /v1/bookings/{id}/cancel */
  path: string;
  params: string[];
  query: { name: string; schema: Schema; required?: boolean }[];
  /** Header parameters the contract declares (Idempotency-Key). */
  headers: string[];
  body: Schema | undefined;
  /** Who may call it, from the route table: public, platform, signed-in, or a tenant permission. */
  rule: string;
}

/** Every operation of the app's own OpenAPI document (what the zod contracts declare). */
export async function routesOf(app: TestApp): Promise<Route[]> {
  const doc = (await app.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, {
      parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
      requestBody?: { content: Record<string, { schema: Schema }> };
    }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.entries(operations).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
    headers: (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name),
    body: op.requestBody?.content['application/json']?.schema,
    rule: String(ROUTE_RULES[`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`] ?? 'unlisted'),
  })));
}

/** encodeURIComponent, but lone surrogates go out as the bytes Node would send rather than throwing. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'missing');
}

export function queryString(query: Record<string, unknown>): string {
  const parts = Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) =>
    `${encodeSegment(k)}=${encodeSegment(typeof item === 'string' ? item : JSON.stringify(item) ?? '')}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** What breaks the contract: a 5xx, or a 4xx that is not problem+json with a code. Undefined when the answer is fine. */
export function contractBreach(res: LightMyRequestResponse): string | undefined {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return undefined;
  if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) {
    return `answered ${res.statusCode} as ${String(res.headers['content-type'])}: ${res.body.slice(0, 200)}`;
  }
  try {
    const body = res.json() as { code?: unknown };
    return typeof body.code === 'string' ? undefined : `answered ${res.statusCode} without a code: ${res.body.slice(0, 200)}`;
  } catch {
    return `answered ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 200)}`;
  }
}
