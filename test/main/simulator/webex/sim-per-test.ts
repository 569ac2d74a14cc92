/**
 * Shared setup for the simulator tests: a fresh simulator (from sim-test-kit's startSim) before each
 * test of the file that calls simPerTest, closed after it, so no test sees another's calls. Starts no
 * other server and reads nothing from the client side.
 */
import { afterEach, beforeEach } from 'vitest';
import type { WebexSimulator, WebexSimulatorOptions } from '../../../../src/main/simulator/webex';
import { startSim } from './sim-test-kit';

export interface SimPerTest {
  /** The simulator of the running test. */
  readonly sim: WebexSimulator;
  /** Closes this test's simulator and starts one with other options in its place. */
  restart(options: WebexSimulatorOptions): Promise<void>;
}

export function simPerTest(): SimPerTest {
  let current: WebexSimulator | undefined;
  beforeEach(async () => {
    current = await startSim();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get sim() {
      if (!current) throw new Error('the simulator runs only inside a test');
      return current;
    },
    async restart(options) {
      await current?.close();
      current = undefined;
      current = await startSim(options);
    },
  };
}
