/**
 * Spaces sends per key (a channel account) to at most `perSecond`: each caller gets the next free
 * slot and waits for it. In process; with several processes each keeps its own pace.
 */
export function sendPacer(now: () => number, sleep: (ms: number) => Promise<unknown>) {
  const nextFree = new Map<string, number>();
  return async function take(key: string, perSecond: number): Promise<void> {
    const gap = 1000 / perSecond;
    const at = Math.max(now(), nextFree.get(key) ?? 0);
    nextFree.set(key, at + gap);
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  };
}
