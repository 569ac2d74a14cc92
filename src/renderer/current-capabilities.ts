/**
 * What the provider running now can do, from the app state main sends (`appState.providers`, found by
 * the status's provider, else the app's): views hide the features it lacks. Reads signals, so a view
 * calling it re-renders when the provider or its descriptor changes. No DOM, no bridge.
 */
import type { ProviderCapability } from '../shared/providers';
import { appState, status } from './state';

export function currentCapabilities(): ReadonlySet<ProviderCapability> {
  const app = appState.value;
  if (!app) return new Set();
  const id = status.value?.provider ?? app.provider;
  return new Set(app.providers.find((p) => p.id === id)?.capabilities ?? []);
}

export function hasCapability(capability: ProviderCapability): boolean {
  return currentCapabilities().has(capability);
}
