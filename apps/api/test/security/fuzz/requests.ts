import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { TestApp } from '../../harness/app';
import { deeplyNested, hostileStrings, hostileValue, pollutingKeys, rawBodies, shaped, wellShaped, type IdPool, type Schema } from './arbitraries';
import { realIds, type Populated } from './fixtures';
import { encodeSegment, fillPath, queryString, type Route } from './routes';

export interface FuzzRequest { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer; cookies?: Record<string, string> }

/** The caller the route table expects, with tenant A's credentials (a chat route gets A's chat token). */
function credentials(app: TestApp, route: Route, a: Populated): Pick<FuzzRequest, 'headers' | 'cookies'> {
  if (route.rule === 'platform') return { headers: app.admin };
  // An event stream with no id to refuse stays open for a caller it accepts (inject would wait forever):
  // fuzzed as a stranger here; test/live/stream.test.ts covers what it does with bad cursors.
  if (route.path.endsWith('/stream') && !route.params.length) return { headers: {} };
  if (route.path.startsWith('/v1/chat/')) return { headers: { authorization: `Bearer ${a.chat.token}` } };
  if (route.rule === 'public') return { headers: {} };
  if (route.rule === 'signed-in' && a.owner) return { headers: { ...a.owner.headers }, cookies: a.owner.cookies };
  return { headers: app.auth(a.key) };
}

/** Path parameters: A's own objects (`own`), or ones that must be refused: B's objects and hostile strings. */
function pathValues(route: Route, a: Populated, b: Populated, mode: 'own' | 'hostile'): fc.Arbitrary<string> {
  // An event stream with a real id stays open, and deleting A's objects (its API key first) would end the
  // run's coverage: those routes get only ids that must be refused.
  const refusedOnly = route.path.endsWith('/stream') || route.method === 'DELETE';
  // The platform admin may act on every tenant, and anyone may start a web chat with any business.
  const openToAll = route.rule === 'platform' || (route.rule === 'public' && route.params.every((p) => p === 'tenantSlug'));
  return fc.record(Object.fromEntries(route.params.map((param) => {
    const own = refusedOnly ? [] : realIds(a, route.path, param);
    // B's secret tokens (invitation, calendar feed) are B's credentials, not ids A could guess.
    const other = openToAll || param === 'token' ? [] : realIds(b, route.path, param);
    // `..` as a stream's id resolves to GET /v1/stream, the tenant's own stream, which stays open for A.
    const dotDot = refusedOnly && route.path.endsWith('/stream') ? [] : ['..'];
    const refused: fc.WeightedArbitrary<string>[] = [{ weight: 3, arbitrary: fc.constantFrom(...hostileStrings).map(encodeSegment) },
      { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%E0%A4%A', ...dotDot, '%2F', '%00', 'a%0Ab', 'x'.repeat(120)) }];
    if (other.length) refused.push({ weight: 2, arbitrary: fc.constantFrom(...other) });
    return [param, mode === 'own' && own.length ? fc.constantFrom(...own) : fc.oneof(...refused)];
  }))).map((values) => fillPath(route.path, values));
}

const json = (value: unknown) => JSON.stringify(value) ?? 'null';

/** Splices a prototype-polluting key into the outermost JSON object (or wraps the value in one). */
const withPollutingKey = (body: string, key: string) => (body.startsWith('{') ? `{${key}${body === '{}' ? '' : ','}${body.slice(1)}` : `{${key},"v":${body}}`);

type Body = { payload: string | Buffer; type: string } | null;
const asJson = (a: fc.Arbitrary<string | Buffer>): fc.Arbitrary<Body> => a.map((payload) => ({ payload, type: 'application/json' }));

/** Bodies that break the contract: hostile fields, polluting keys, not JSON, nested deep, too big, or the wrong media type. */
function hostileBodies(schema: Schema, ids: IdPool): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 8, arbitrary: asJson(shaped(schema, ids).map(json)) },
    { weight: 2, arbitrary: asJson(fc.tuple(shaped(schema, ids).map(json), pollutingKeys).map(([b, k]) => withPollutingKey(b, k))) },
    { weight: 2, arbitrary: asJson(rawBodies) },
    { weight: 1, arbitrary: asJson(fc.oneof(fc.json({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }).map(json), hostileValue.map(json))) },
    { weight: 1, arbitrary: asJson(deeplyNested) },
    { weight: 1, arbitrary: asJson(fc.constant(json({ pad: 'x'.repeat(300 * 1024) }))) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonx')
      .chain((type) => shaped(schema, ids).map((b) => ({ payload: json(b), type }))) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function querySchema(route: Route): Schema {
  return { type: 'object', properties: Object.fromEntries(route.query.map((q) => [q.name, q.schema])), required: route.query.filter((q) => q.required).map((q) => q.name) };
}
const asQuery = (q: unknown) => queryString(q && typeof q === 'object' && !Array.isArray(q) ? q as Record<string, unknown> : { q });

function hostileQueries(route: Route, ids: IdPool): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: shaped(querySchema(route), ids).map(asQuery) },
    { weight: 1, arbitrary: fc.constantFrom(...route.query.map((q) => q.name)).chain((name) => fc.constantFrom(
      `?${name}=%ZZ`, `?${name}=1&${name}=2`, `?${name}[]=1`, `?${name}[__proto__][polluted]=yes`, `?__proto__[polluted]=yes&${name}=`,
      `?${name}=${'9'.repeat(5000)}`, `?${name}=%00`, `?${name}=%ED%A0%80`, `?${name}`)) },
  );
}

/** Ids for a body or query field: mostly A's objects of the kind its name says (serviceId → services), some of B's. */
function idPool(a: Populated, b: Populated): IdPool {
  const all = [...a.ids.values(), ...b.ids.values()].flat().filter((id) => /^[0-9a-f-]{36}$/.test(id));
  return (field) => {
    const kind = field?.replace(/Ids?$/, '').replace(/^other/, '').toLowerCase();
    const own = a.ids.get(`/v1/${kind}s`) ?? [];
    return own.length ? [...own, ...own, ...own, ...(b.ids.get(`/v1/${kind}s`) ?? [])] : all;
  };
}

/**
 * Requests for one route, as tenant A: each either keeps to the contract, or attacks one part of it
 * (the path, the query or the body) while the rest stays right, so the attack reaches the code behind validation.
 */
export function requests(app: TestApp, route: Route, a: Populated, b: Populated): fc.Arbitrary<FuzzRequest> {
  const ids = idPool(a, b);
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  const schema: Schema = route.body ?? { type: 'object' };
  const right = {
    path: pathValues(route, a, b, 'own'),
    query: route.query.length ? wellShaped(querySchema(route), ids).map(asQuery) : fc.constant(''),
    body: hasBody && route.body ? asJson(wellShaped(schema, ids).map(json)) : fc.constant<Body>(null),
  };
  // Header values travel as Latin-1 without control characters; anything else never reaches the app.
  const headerValues = fc.constantFrom(...hostileStrings.filter((v) => /^[\x20-\x7e]{1,8192}$/.test(v)), 'é'.repeat(300));
  const declaredHeaders = route.headers.length ? fc.option(fc.record(Object.fromEntries(route.headers.map((h) => [h, headerValues]))), { freq: 2 }) : fc.constant(null);
  const parts = fc.oneof(
    { weight: 3, arbitrary: fc.record(right) },
    { weight: 1, arbitrary: fc.record({ ...right, path: pathValues(route, a, b, 'hostile') }) },
    ...(route.query.length ? [{ weight: 3, arbitrary: fc.record({ ...right, query: hostileQueries(route, ids) }) }] : []),
    ...(hasBody ? [{ weight: 5, arbitrary: fc.record({ ...right, body: hostileBodies(schema, ids) }) }] : []),
  );
  return fc.tuple(parts, declaredHeaders).map(([{ path, query, body }, extra]) => {
    const { headers, cookies } = credentials(app, route, a);
    return {
      method: route.method, url: path + query,
      headers: { ...extra, ...headers, ...(body ? { 'content-type': body.type } : {}) },
      ...(body ? { payload: body.payload } : {}), ...(cookies ? { cookies } : {}),
    };
  });
}

export const inject = (app: TestApp, r: FuzzRequest) => app.app.inject(r as InjectOptions);

/** A failing request, short enough to read and complete enough to replay. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.payload === undefined ? '' : ` ${r.headers['content-type']} ${String(r.payload).slice(0, 300)}${String(r.payload).length > 300 ? `…(${r.payload.length} chars)` : ''}`;
  return `${r.method} ${r.url.slice(0, 300)}${body}`;
}
