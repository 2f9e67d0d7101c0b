import fc from 'fast-check';

/** A JSON schema as the OpenAPI document gives it (zod → JSON Schema, no $refs). */
export interface Schema {
  type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; prefixItems?: Schema[];
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; enum?: unknown[]; const?: unknown; format?: string;
  additionalProperties?: boolean | Schema; minimum?: number; maximum?: number; pattern?: string; minLength?: number; maxLength?: number;
  minItems?: number; maxItems?: number;
}

export const HUGE = 'A'.repeat(100 * 1024 + 7);

/** Strings an attacker (or a broken client) sends. */
export const hostileStrings = [
  "' OR 1=1 --", "'; DROP TABLE bookings; --", '" OR ""="', '1; SELECT pg_sleep(5)', "admin'--", '%', '_', '\\', "\\'",
  '{{7*7}}', '${7*7}', '#{7*7}', '<%= 7*7 %>', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)',
  '\uD800', '\uDFFF', 'a\uD83Dz', '\u0000', 'a\u0000b', '\u202E\u0644', '\uFEFF', '\uFFFF', '\u00C0\u0080', '𝕳𝖊𝖑𝖑𝖔', '👩‍👩‍👧‍👦'.repeat(50),
  'NaN', 'Infinity', '-Infinity', '-0', '1e308', '1e309', '-1', '0x10', '9'.repeat(400), 'null', 'undefined', 'true', '[]', '{}',
  '2026-02-30T25:61:00Z', '2026-13-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '275760-09-13T00:00:00Z', '2026-12-01',
  '-P1D', 'PT-5M', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-4000-8000-00000000000g',
  '../../../etc/passwd', '%2e%2e%2f', 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'https://localhost:0/',
  '__proto__', 'constructor', 'prototype', '', ' ', '\t\n', 'x'.repeat(256), 'x'.repeat(5000), HUGE,
];

/** Values of every JSON type, for a field whose type the fuzzer then gets wrong. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom(1e308, -1e308, -0, -1, 0, 2 ** 53 + 1, -(2 ** 31) - 1, 2 ** 63, 0.5, 1e-300, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }, { $ne: null }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((s) => JSON.parse(s) as unknown) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Real ids for a field, by its name (serviceId → the services, resourceIds → the resources); any id otherwise. */
export type IdPool = (field: string | undefined) => string[];

const validDate = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
/** On a quarter-hour in the weeks after the fuzz clock (2026-12-01), where the blueprints have open slots. */
const slotDate = fc.integer({ min: 0, max: 30 * 96 }).map((q) => new Date(Date.parse('2026-12-02T00:00:00Z') + q * 900_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** Values a field accepts, by what its name says, so more bodies get past validation to the code behind it. */
const hints: [RegExp, string[]][] = [
  [/timezone/i, ['Europe/London', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'UTC']],
  [/email/i, ['ada@example.com', 'x+y@sub.example.co.uk', 'UPPER@EXAMPLE.COM']],
  [/url$/i, ['https://hooks.example.com/x', 'http://93.184.215.14:8080/a?b=c', 'https://graph.example.com/v21.0']],
  [/phone/i, ['+447700900123', '+5511987654321']],
  [/locale|lang/i, ['en-GB', 'pt-BR', 'es-AR', 'en', 'pt', 'es']],
  [/currency/i, ['GBP', 'BRL', 'ARS']],
  [/password/i, ['correct horse battery staple', 'another long passphrase!']],
];
const plausible = ['Ada', 'sim', 'quero marcar amanhã às 15h', 'Hello, I need a van on Friday', 'corte'];

function matching(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((v) => v.length < 400);
  } catch {
    return fc.string({ maxLength: 30 });
  }
}

function types(schema: Schema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A plausible value for one scalar type: valid-looking, at the edges, or slightly off. */
function scalar(schema: Schema, type: string, ids: IdPool, field: string | undefined): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': {
      if (schema.format === 'date-time') return fc.oneof(slotDate, validDate);
      const known = ids(field);
      const hint = hints.find(([name]) => field !== undefined && name.test(field))?.[1];
      if (hint && !schema.pattern) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...hint) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
      if (schema.format === 'uuid') return known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
      if (schema.format === 'uri') return fc.webUrl();
      if (schema.pattern) return matching(schema.pattern);
      const min = schema.minLength ?? 0;
      return fc.oneof(fc.string({ minLength: min, maxLength: Math.max(min, Math.min(schema.maxLength ?? 30, 30)) }), fc.constantFrom(...plausible));
    }
    case 'integer': return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, 1e6) }) },
      { weight: 1, arbitrary: fc.integer() });
    case 'number': return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
    case 'boolean': return fc.boolean();
    default: return fc.constant(null);
  }
}

/**
 * A body shaped like `schema`: mostly right, with any field (at any depth) swapped for a hostile value
 * or a value of the wrong type, fields missing, and unexpected keys added.
 */
export function shaped(schema: Schema, ids: IdPool, depth = 0, field?: string): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: rightShape(schema, ids, depth, field, true) }, { weight: 1, arbitrary: hostileValue });
}

/** A body as the contract describes it (random content, every required field, no unknown keys). */
export const wellShaped = (schema: Schema, ids: IdPool): fc.Arbitrary<unknown> => rightShape(schema, ids, 0, undefined, false);

function rightShape(schema: Schema, ids: IdPool, depth: number, field: string | undefined, hostile: boolean): fc.Arbitrary<unknown> {
  const inner = (s: Schema, name: string | undefined) => (hostile ? shaped(s, ids, depth + 1, name) : rightShape(s, ids, depth + 1, name, false));
  if (depth > 6) return hostile ? hostileValue : fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => inner(s, field)));
  if (schema.allOf?.length) return inner(schema.allOf[0]!, field);
  const [type] = types(schema);
  if (type === 'object' || schema.properties) {
    const fields = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, inner(s, k)]));
    const complete = fc.record(fields, { requiredKeys: schema.required ?? [] });
    if (!hostile) return typeof schema.additionalProperties === 'object' ? fc.tuple(complete, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }),
      inner(schema.additionalProperties, undefined), { maxKeys: 3 })).map(([r, e]) => ({ ...e, ...r })) : complete;
    // Mostly with every required field, sometimes with any of them missing.
    const record = fc.oneof({ weight: 4, arbitrary: complete }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) });
    const extra = typeof schema.additionalProperties === 'object'
      ? fc.dictionary(fc.string({ maxLength: 12 }), inner(schema.additionalProperties, undefined), { maxKeys: 3 })
      : fc.option(fc.dictionary(fc.constantFrom('extra', 'tenantId', 'tenant_id', 'id', '$where', 'a.b'), hostileValue, { minKeys: 1, maxKeys: 2 }),
        { freq: schema.additionalProperties === false ? 12 : 4 })
        .map((e) => e ?? {});
    return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
  }
  if (type === 'array' || schema.items || schema.prefixItems) {
    const item = schema.items ?? schema.prefixItems?.[0] ?? {};
    const min = hostile ? 0 : schema.minItems ?? 0;
    return fc.array(inner(item, field), { minLength: min, maxLength: Math.max(min, Math.min(schema.maxItems ?? 4, 4)) });
  }
  return type ? scalar(schema, type, ids, field) : hostile ? hostileValue : fc.jsonValue({ maxDepth: 2 });
}

/** JSON nested `levels` deep, in objects and arrays. */
export const deeplyNested = fc.oneof(
  fc.integer({ min: 50, max: 5000 }).map((levels) => '{"a":'.repeat(levels) + '[1]' + '}'.repeat(levels)),
  fc.integer({ min: 1000, max: 100_000 }).map((levels) => `{"text":"hi","a":${'['.repeat(levels)}${']'.repeat(levels)}}`),
);

/** Keys that pollute prototypes when a parser or a merge trusts them, spliced into a JSON object. */
export const pollutingKeys = fc.constantFrom(
  '"__proto__":{"polluted":"yes","isAdmin":true}', '"constructor":{"prototype":{"polluted":"yes"}}',
  '"prototype":{"polluted":"yes"}', '"__proto__":[1,2]', '"toString":"x","valueOf":1,"hasOwnProperty":null',
);

/** Bodies that are not JSON at all although they say they are. */
export const rawBodies = fc.oneof(
  fc.constantFrom('', '{', '{"a":', 'nul', "{'a':1}", '{"a":1,}', '[1,2', 'NaN', '\u0000', '{"a":"\\uD800"}', '{"a":"\\u0000"}',
    '{"a":1}{"b":2}', '1e99999', '"' + 'x'.repeat(10) + '', '<xml/>', 'a=1&b=2', '{"a":01}'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from([0xc0, 0x80, 0xff, 0xfe, ...bytes])),
);
