/**
 * Awaits a promise that must fail and hands back its error, checked to be of the expected class, so a
 * test can then assert the error's code and message. A promise that resolves fails the test.
 */
import { expect } from 'vitest';

export async function rejection<T extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`expected a ${type.name}, but the promise resolved`);
  expect(outcome.error).toBeInstanceOf(type);
  return outcome.error as T;
}
