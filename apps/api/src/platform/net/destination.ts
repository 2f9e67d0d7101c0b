import { lookup } from 'node:dns/promises';
import { blockedAddressReason, checkWebhookUrl, isIpLiteral } from './address';

/** Every address a host name resolves to (IPv4 and IPv6). */
export type Resolve = (host: string) => Promise<string[]>;

export const systemResolve: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export type Destination = { ok: true; url: URL; address: string | null } | { ok: false; message: string };

/**
 * Checks a webhook URL and, for a host name, every address it resolves to. The address returned is
 * the one to connect to, so a name that resolves elsewhere a moment later (DNS rebinding) cannot
 * reach a private network. `address` is null for an IP literal (nothing to resolve).
 */
export async function checkDestination(raw: string, options: { allowPrivate: boolean; resolve: Resolve }): Promise<Destination> {
  const shape = checkWebhookUrl(raw, options.allowPrivate);
  if (!shape.ok) return shape;
  const host = shape.url.hostname;
  if (isIpLiteral(host)) return { ok: true, url: shape.url, address: null };
  let addresses: string[];
  try {
    addresses = await options.resolve(host);
  } catch (err) {
    return { ok: false, message: `${host} does not resolve (${(err as { code?: string }).code ?? 'DNS error'})` };
  }
  if (addresses.length === 0) return { ok: false, message: `${host} does not resolve` };
  if (!options.allowPrivate) {
    for (const address of addresses) {
      const reason = blockedAddressReason(address);
      if (reason) return { ok: false, message: `must not point at ${reason}: ${host} resolves to ${address}` };
    }
  }
  return { ok: true, url: shape.url, address: addresses[0]! };
}
