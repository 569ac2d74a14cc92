/**
 * What a test started — a core (`stop`), a simulator or server (`close`) — stopped and closed after
 * the test, newest first (a core stops before the simulator it reads from closes), even when the test
 * failed halfway. Registers a vitest afterEach; call it at a test file's top level.
 */
import { afterEach } from 'vitest';

export type Closable = { stop(): void } | { close(): Promise<unknown> | void };

/** Returns `started`: hand it each thing as it starts; it returns the thing. */
export function closeAfterEach(): <T extends Closable>(thing: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) {
      if ('stop' in thing) thing.stop();
      else await thing.close();
    }
  });
  return (thing) => {
    open.push(thing);
    return thing;
  };
}
