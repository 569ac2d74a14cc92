/**
 * Hands the window's Bridge to the components that send commands. The bridge itself comes from the
 * page's boot (window.switchboard) or from a test; components never reach for a global.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Bridge } from '../shared/contract';

export const BridgeContext = createContext<Bridge | null>(null);

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  // A programming error (a view rendered outside its page's provider), not a user-facing state.
  if (!bridge) throw new Error('Switchboard view rendered without a bridge');
  return bridge;
}
