import { checkDestination, type Resolve } from './destination';

/**
 * `fetch` for URLs a tenant configured (an LLM endpoint, a provider API base URL): refuses, as a
 * network error, any that is not http(s) or points at loopback, private, link-local (cloud
 * metadata) or other non-public addresses, by its literal address or by every address its name
 * resolves to. With `allowPrivate` (the operator's switch) it is plain `fetch`.
 * The name is resolved again by fetch itself, so unlike outgoing webhooks (which connect to the
 * checked address) a name re-pointed between the two lookups is not caught.
 */
export function guardedFetch(inner: typeof fetch, options: { allowPrivate: boolean; resolve: Resolve }): typeof fetch {
  if (options.allowPrivate) return inner;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const destination = await checkDestination(url, options);
    if (!destination.ok) {
      throw new TypeError(`fetch refused: ${destination.message} (FRONTDESK_OUTBOUND_ALLOW_PRIVATE allows private destinations)`);
    }
    return inner(input, init);
  };
}
