/**
 * Escape hides the window when nothing inside used the key (an open form closes first by calling
 * preventDefault). Every window behaves the same way; main does the hiding.
 */
import { useEffect } from 'preact/hooks';
import type { WindowName } from '../shared/contract';
import { useBridge } from './bridge-context';

export function useEscapeHides(name: WindowName): void {
  const bridge = useBridge();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      void bridge.hideWindow({ name });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [bridge, name]);
}
