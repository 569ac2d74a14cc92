// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { History } from '../../src/renderer/components/History';
import { err } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { historyEntry, mount, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

function bridgeWithHistory() {
  const bridge = new FakeBridge();
  bridge.historyResult = {
    ok: true,
    value: [
      historyEntry({ type: 'placed', name: 'Carol White', number: '+15550100003', time: '2026-01-05T08:00:00.000Z' }),
      historyEntry({ type: 'missed', name: 'Dan Brown', number: '+15550100004', time: '2026-01-05T09:30:00.000Z' }),
      historyEntry({ type: 'missed', name: undefined, number: undefined, privacy: true, time: '2026-01-05T09:40:00.000Z' }),
      historyEntry({ type: 'received', name: 'Bob Jones', number: '+15550100002', time: '2026-01-05T09:00:00.000Z' }),
    ],
  };
  return bridge;
}

function rows(): string[] {
  return within(screen.getByRole('tabpanel'))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.history-name')?.textContent ?? '');
}

describe('History', () => {
  it('lists every call, newest first, with a private caller as "Private number"', async () => {
    await mount(<History />, bridgeWithHistory());
    expect(rows()).toEqual(['Private number', 'Dan Brown', 'Bob Jones', 'Carol White']);
  });

  it('filters placed, missed and received', async () => {
    await mount(<History />, bridgeWithHistory());
    fireEvent.click(screen.getByRole('tab', { name: 'Placed' }));
    expect(rows()).toEqual(['Carol White']);
    fireEvent.click(screen.getByRole('tab', { name: /^Missed/ }));
    expect(rows()).toEqual(['Private number', 'Dan Brown']);
    fireEvent.click(screen.getByRole('tab', { name: 'Received' }));
    expect(rows()).toEqual(['Bob Jones']);
    expect(screen.getByRole('tab', { name: 'Received' }).getAttribute('aria-selected')).toBe('true');
  });

  it('arrow keys move between the filter tabs', async () => {
    await mount(<History />, bridgeWithHistory());
    fireEvent.keyDown(screen.getByRole('tab', { name: 'All' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Placed' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Placed' }));
  });

  it('counts new missed calls on the Missed tab until they are looked at', async () => {
    const { bridge } = await mount(<History />, bridgeWithHistory());
    expect(screen.getByRole('tab', { name: 'Missed (2 new)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Missed (2 new)' }));
    await settle();
    expect(screen.getByRole('tab', { name: 'Missed' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'All' }));
    act(() =>
      bridge.setHistory([
        ...(bridge.historyResult.ok ? bridge.historyResult.value : []),
        historyEntry({ type: 'missed', name: 'Eve Green', time: '2026-01-05T11:00:00.000Z' }),
      ]),
    );
    await settle();
    expect(screen.getByRole('tab', { name: 'Missed (1 new)' })).toBeTruthy();
  });

  it('a row calls the number back', async () => {
    const { bridge } = await mount(<History />, bridgeWithHistory());
    fireEvent.click(screen.getByRole('button', { name: /^Call back Dan Brown/ }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'dial', destination: '+15550100004' }]);
  });

  it('a private caller cannot be called back', async () => {
    await mount(<History />, bridgeWithHistory());
    expect(screen.queryByRole('button', { name: /Private number/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Call back/ })).toHaveLength(3);
  });

  it('says why the history could not be read', async () => {
    const bridge = new FakeBridge();
    bridge.historyResult = err('AUTH', 'Webex refused: the token lacks spark:calls_read.');
    await mount(<History />, bridge);
    expect(screen.getByRole('alert').textContent).toBe('Webex refused: the token lacks spark:calls_read.');
  });

  it('says so when a filter has no calls', async () => {
    await mount(<History />, new FakeBridge());
    expect(screen.getByText('No calls yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Missed' }));
    expect(screen.getByText('No missed calls.')).toBeTruthy();
  });
});
