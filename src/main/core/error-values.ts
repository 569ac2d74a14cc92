/**
 * Turns anything a provider throws into the AppError value the core hands out (errors are values).
 * Every error that reaches a window passes here, so its text is made safe here too (no secret, no
 * control or bidi characters, bounded: provider-api/provider-error.ts). Must not import electron.
 */
import type { AppError } from '../../shared/result';
import { ProviderError, safeAppError } from '../provider-api/provider-error';

export function appErrorOf(error: unknown, providerName: string): AppError {
  if (error instanceof ProviderError) return error.toAppError();
  const why = error instanceof Error ? error.message : String(error);
  return safeAppError({ code: 'PROVIDER', message: `The request to ${providerName} failed: ${why}`, retryable: false });
}
