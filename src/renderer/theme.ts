/**
 * Applies the theme setting: `data-theme="light|dark"` on the root overrides the OS preference that
 * the stylesheet follows through `prefers-color-scheme`; "system" removes the override.
 */
import { effect } from '@preact/signals';
import type { Settings } from '../shared/settings';
import { settings } from './state';

export function applyTheme(theme: Settings['theme'] | undefined, root: HTMLElement = document.documentElement): void {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

/** Keeps the page's theme in step with the settings signal; returns the disposer. */
export function followThemeSetting(root: HTMLElement = document.documentElement): () => void {
  return effect(() => applyTheme(settings.value?.theme, root));
}
