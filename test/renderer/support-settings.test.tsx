// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsView } from '../../src/renderer/components/SettingsView';
import { err, ok } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { mount, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

function support(): HTMLElement {
  return screen.getByRole('region', { name: 'Support' });
}

async function pressSave(): Promise<void> {
  fireEvent.click(within(support()).getByRole('button', { name: 'Save diagnostics…' }));
  await settle();
}

describe('settings: Save diagnostics…', () => {
  it('asks main to save the report and says where it went', async () => {
    const bridge = new FakeBridge();
    bridge.diagnosticsAnswer = ok({ saved: true, path: '/home/dana/Downloads/switchboard-diagnostics-2026-12-01T10-00.txt' });
    await mount(<SettingsView />, bridge);
    await pressSave();
    expect(bridge.diagnosticsSaves).toBe(1);
    expect(within(support()).getByRole('status').textContent).toBe(
      'Saved to /home/dana/Downloads/switchboard-diagnostics-2026-12-01T10-00.txt',
    );
  });

  it("says nothing when the save dialog was cancelled, and shows main's refusal when saving failed", async () => {
    const bridge = new FakeBridge();
    bridge.diagnosticsAnswer = ok({ saved: false });
    await mount(<SettingsView />, bridge);
    await pressSave();
    expect(bridge.diagnosticsSaves).toBe(1);
    expect(within(support()).queryByRole('status')).toBeNull();
    expect(within(support()).queryByRole('alert')).toBeNull();

    bridge.diagnosticsAnswer = err('UNAVAILABLE', 'Switchboard could not save the diagnostics: disk full');
    await pressSave();
    expect(within(support()).getByRole('alert').textContent).toBe('Switchboard could not save the diagnostics: disk full');
  });
});
