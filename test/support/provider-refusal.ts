/**
 * Runs an operation that a provider must refuse and hands back its ProviderError (via rejection.ts), so a
 * test can assert what the user would be told. An operation that succeeds, or fails with anything but a
 * ProviderError, fails the test.
 */
import { ProviderError } from '../../src/main/provider-api/provider-error';
import { rejection } from './rejection';

export function refusal(run: () => Promise<unknown>): Promise<ProviderError> {
  // Called inside an async function so that an operation throwing before it returns a promise is a refusal too.
  return rejection((async () => run())(), ProviderError);
}
