/**
 * Which destinations outgoing requests to tenant-configured URLs (webhooks, LLM and provider APIs)
 * may not reach unless the operator allows private ones: loopback,
 * private and link-local networks (the cloud metadata address 169.254.169.254 among them),
 * carrier-grade NAT, "this network", multicast and reserved space, in IPv4 and IPv6, including
 * IPv4 addresses wrapped in IPv6 (mapped, compatible, NAT64, 6to4).
 */

const V4_BLOCKED: [string, number, string][] = [
  ['0.0.0.0', 8, '"this network"'],
  ['10.0.0.0', 8, 'a private network'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'a private network'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.168.0.0', 16, 'a private network'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** The four octets of a dotted-quad IPv4 address, or null. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (brackets and zone id allowed), or null. */
export function parseIPv6(text: string): number[] | null {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!bare.includes(':')) return null;
  let head = bare;
  const tail: number[] = [];
  const v4 = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (v4) {
    const octets = parseIPv4(v4[1]!);
    if (!octets) return null;
    tail.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
    head = bare.slice(0, bare.length - v4[1]!.length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if (![...left, ...right].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const fill = 8 - left.length - right.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  return [...left.map((g) => parseInt(g, 16)), ...Array<number>(fill).fill(0), ...right.map((g) => parseInt(g, 16)), ...tail];
}

const v4Number = (o: number[]) => ((o[0]! << 24) >>> 0) + (o[1]! << 16) + (o[2]! << 8) + o[3]!;
const inV4 = (ip: number[], base: string, bits: number) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((v4Number(ip) & mask) >>> 0) === ((v4Number(parseIPv4(base)!) & mask) >>> 0);
};

function v4Reason(octets: number[]): string | null {
  return V4_BLOCKED.find(([base, bits]) => inV4(octets, base, bits))?.[2] ?? null;
}

function v6Reason(g: number[]): string | null {
  const embedded = (hi: number, lo: number) => v4Reason([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'the unspecified address';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(g[6]!, g[7]!); // ::ffff:a.b.c.d
  if (zeros(0, 6)) return embedded(g[6]!, g[7]!); // ::a.b.c.d (deprecated compatible form)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4
  if ((g[0]! & 0xfe00) === 0xfc00) return 'a unique local network';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/** Why this IP address is not a public destination, or null when it is one (or is no IP address). */
export function blockedAddressReason(ip: string): string | null {
  const v4 = parseIPv4(ip);
  if (v4) return v4Reason(v4);
  const v6 = parseIPv6(ip);
  return v6 ? v6Reason(v6) : null;
}

export const isIpLiteral = (host: string) => parseIPv4(host) !== null || parseIPv6(host) !== null;

/** `localhost` and its subdomains name this machine without asking DNS (RFC 6761). */
export function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/**
 * Whether a webhook URL may be stored: http(s), no credentials, and (unless private destinations
 * are allowed) not a private or loopback literal address or a local name. Names are resolved and
 * checked again by the caller, at creation and at every delivery.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw); // also normalises 0x7f.1, 2130706433 and friends to dotted quads
  } catch {
    return { ok: false, message: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'must be an http or https URL' };
  if (url.username || url.password) return { ok: false, message: 'must not carry credentials (put a token in the path or verify the signature)' };
  if (!url.hostname) return { ok: false, message: 'must name a host' };
  if (allowPrivate) return { ok: true, url };
  if (isLocalName(url.hostname)) return { ok: false, message: `must not point at ${url.hostname} (this server)` };
  const reason = blockedAddressReason(url.hostname);
  if (reason) return { ok: false, message: `must not point at ${reason} (${url.hostname})` };
  return { ok: true, url };
}
