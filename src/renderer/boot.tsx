/**
 * Starts a window's page: finds the Bridge the preload (or the browser preview) put at
 * `window.switchboard`, connects the state to it, follows the theme setting and renders the view.
 * Without a bridge the page says so instead of showing controls that cannot work.
 */
import type { ComponentType } from 'preact';
import { render } from 'preact';
import type { Bridge } from '../shared/contract';
import { BridgeContext } from './bridge-context';
import { type ConnectOptions, connect } from './state';
import { followThemeSetting } from './theme';

declare global {
  interface Window {
    switchboard?: Bridge;
  }
}

export function boot(View: ComponentType, options: ConnectOptions = {}): void {
  const root = document.getElementById('app');
  if (!root) return;
  const bridge = window.switchboard;
  if (!bridge) {
    root.textContent = 'Switchboard cannot reach the app: this page only works inside Switchboard or its preview.';
    return;
  }
  connect(bridge, options);
  followThemeSetting();
  render(
    <BridgeContext.Provider value={bridge}>
      <View />
    </BridgeContext.Provider>,
    root,
  );
}
