import { beforeEach, describe, expect, it } from 'vitest';
import { createPushHub } from '../../../src/main/shell/push';
import { createWindowRegistry } from '../../../src/main/shell/window-registry';
import { BrowserWindow, resetFakeElectron } from '../../fakes/electron';

type RegistryWindow = Parameters<ReturnType<typeof createWindowRegistry>['add']>[1];

beforeEach(() => resetFakeElectron());

describe('push hub', () => {
  it('sends each event only to the windows that show it, hidden or not', () => {
    const registry = createWindowRegistry();
    const panel = new BrowserWindow({ show: false });
    const popup = new BrowserWindow({ show: false });
    registry.add('panel', panel as unknown as RegistryWindow);
    registry.add('popup', popup as unknown as RegistryWindow);
    const push = createPushHub(registry);

    push.send('history:changed', []);
    push.send('dial:requested', { destination: '+15550102030', source: 'link' });
    push.send('calls:changed', []);

    expect(panel.webContents.sent.map((s) => s.channel)).toEqual(['history:changed', 'dial:requested', 'calls:changed']);
    expect(popup.webContents.sent.map((s) => s.channel)).toEqual(['calls:changed']);
  });

  it('skips destroyed windows without throwing', () => {
    const registry = createWindowRegistry();
    const panel = new BrowserWindow({ show: false });
    registry.add('panel', panel as unknown as RegistryWindow);
    panel.destroy();
    expect(() => createPushHub(registry).send('notice', { kind: 'info', message: 'hi' })).not.toThrow();
  });
});
