/**
 * Escape hides the window when nothing inside used the key (an open form closes first by calling
 * preventDefault). Every window behaves the same way; main hides the window that asked (the sender), so
 * the request names none.
 */
import { useEffect } from 'preact/hooks';
import { useBridge } from './bridge-context';

export function useEscapeHides(): void {
  const bridge = useBridge();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      void bridge.hideWindow();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [bridge]);
}
