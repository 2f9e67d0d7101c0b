/** How the runner reaches Frontdesk: the same HTTP API in process (inject) or over the network. */
export interface HttpRequest { method: 'GET' | 'POST'; path: string; token?: string; body?: unknown }
export interface HttpResponse { status: number; body: unknown; retryAfterSeconds?: number }
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface Instance {
  /** Where the scenarios run, for the report: "in process" or the base URL. */
  label: string;
  http: Transport;
  /** A tenant API key for a blueprint's tenant. */
  apiKey(slug: string): Promise<string>;
  /** In process only: fix the clock the assistant and the scheduling module read (undefined = real time). */
  setClock?(ms: number | undefined): void;
  /** In process only: drop the holds a conversation left behind, so the next scenario sees every slot. */
  expireHolds?(tenantId: string): Promise<void>;
}

const headers = (request: HttpRequest): Record<string, string> => ({
  ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
  ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
});
const retryAfter = (value: string | string[] | null | undefined) => {
  const seconds = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
};

interface Injectable {
  inject(options: { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; payload?: string }):
    Promise<{ statusCode: number; body: string; headers: Record<string, string | string[] | number | undefined> }>;
}

/** In process: Fastify's inject, no port needed. */
export function injectTransport(app: Injectable): Transport {
  return async (request) => {
    const res = await app.inject({
      method: request.method, url: request.path, headers: headers(request),
      ...(request.body !== undefined ? { payload: JSON.stringify(request.body) } : {}),
    });
    return { status: res.statusCode, body: parseBody(res.body), retryAfterSeconds: retryAfter(res.headers['retry-after'] as string | undefined) };
  };
}

/** A running instance at `baseUrl`. */
export function fetchTransport(baseUrl: string): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  return async (request) => {
    const res = await fetch(`${base}${request.path}`, {
      method: request.method, headers: headers(request),
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    return { status: res.status, body: parseBody(await res.text()), retryAfterSeconds: retryAfter(res.headers.get('retry-after')) };
  };
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const MAX_RATE_LIMIT_WAITS = 3;

/** One API call that must succeed; waits out rate limits (429 + Retry-After) a few times. */
export async function call<T>(http: Transport, request: HttpRequest, expected: number[] = [200, 201]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const res = await http(request);
    if (expected.includes(res.status)) return res.body as T;
    if (res.status === 429 && attempt < MAX_RATE_LIMIT_WAITS) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(res.retryAfterSeconds ?? 5, 65) * 1000));
      continue;
    }
    const detail = (res.body as { detail?: string; title?: string } | undefined);
    throw new Error(`${request.method} ${request.path} answered ${res.status}: ${detail?.detail ?? detail?.title ?? JSON.stringify(res.body)}`);
  }
}

/** A running Frontdesk: tenant keys given per slug, or issued once per run with the platform admin key. */
export function remoteInstance(baseUrl: string, keys: { apiKeys: Record<string, string>; adminKey?: string }): Instance {
  const http = fetchTransport(baseUrl);
  const issued = new Map<string, Promise<string>>();
  return {
    label: baseUrl,
    http,
    apiKey(slug) {
      const given = keys.apiKeys[slug];
      if (given) return Promise.resolve(given);
      const admin = keys.adminKey;
      if (!admin) return Promise.reject(new Error(`No API key for ${slug}: give --api-key ${slug}=<key> or --admin-key <key>`));
      if (!issued.has(slug)) {
        issued.set(slug, call<{ key: string }>(http, {
          method: 'POST', path: `/v1/tenants/${encodeURIComponent(slug)}/api-keys`, token: admin, body: { name: 'scenarios' },
        }).then((k) => k.key));
      }
      return issued.get(slug)!;
    },
  };
}
