/**
 * The heap as a soak measures it: after full garbage collections, so only what is still reachable
 * counts. Node hides `gc` unless started with --expose-gc, which vitest workers and `npm run bench`
 * are not; setting the flag at run time and taking `gc` from a fresh context works in any Node.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** A full garbage collection now. */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** Bytes of heap in use after several full collections (weak references and finalisers settle over a few). */
export async function settledHeapBytes(): Promise<number> {
  for (let i = 0; i < 4; i += 1) {
    collectGarbage();
    // Let finalisation callbacks and pending promise jobs run between collections.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}
