/**
 * One request to main through the Bridge, with one failure shape: a bridge that throws (a window
 * closing, a broken preview socket) becomes a failed Result naming what could not be done, like any
 * refusal from main. Views call these instead of wrapping every request in try/catch.
 */
import type { Result } from '../shared/result';
import { err } from '../shared/result';
import { addNotice } from './state';

export async function throughBridge<T>(request: () => Promise<Result<T>>, what = 'send the command'): Promise<Result<T>> {
  try {
    return await request();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err('NETWORK', `Switchboard could not ${what}: ${reason}`);
  }
}

/** A request whose only visible outcome is an error notice when it fails. Resolves true when it worked. */
export async function requestWithNotice(request: () => Promise<Result<unknown>>, what: string): Promise<boolean> {
  const result = await throughBridge(request, what);
  if (!result.ok) addNotice('error', result.error.message);
  return result.ok;
}
