// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialer } from '../../src/renderer/components/Dialer';
import { Notices } from '../../src/renderer/components/Notices';
import { lastParkedAt } from '../../src/renderer/state';
import { err } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { mount, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

async function mountDialer(bridge = new FakeBridge()) {
  const mounted = await mount(
    <>
      <Notices />
      <Dialer />
    </>,
    bridge,
  );
  return { ...mounted, field: screen.getByLabelText('Number to call') as HTMLInputElement };
}

describe('Dialer', () => {
  it('normalises "+1 (555) 010-2030" and dials +15550102030', async () => {
    const { bridge, field } = await mountDialer();
    fireEvent.input(field, { target: { value: '+1 (555) 010-2030' } });
    expect(screen.getByText('Dials +15550102030')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dial' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'dial', destination: '+15550102030' }]);
    expect(field.value).toBe('');
  });

  it('a pasted number lands normalised in an empty field', async () => {
    const { field } = await mountDialer();
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'tel:+1-555-010-2030' } });
    act(() => {
      field.dispatchEvent(paste);
    });
    expect(paste.defaultPrevented).toBe(true);
    expect(field.value).toBe('+15550102030');
  });

  it('refuses "hello" with the reason and sends nothing', async () => {
    const { bridge, field } = await mountDialer();
    fireEvent.input(field, { target: { value: 'hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dial' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe('"hello" is not a number: use digits, +, * or #, or an address like name@company.com.');
  });

  it('Enter in the field dials (the field and Dial are one form)', async () => {
    const { bridge, field } = await mountDialer();
    fireEvent.input(field, { target: { value: 'alice@example.com' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    await settle();
    expect(bridge.commands).toEqual([{ type: 'dial', destination: 'alice@example.com' }]);
    const dial = screen.getByRole('button', { name: 'Dial' }) as HTMLButtonElement;
    expect(dial.type).toBe('submit');
    expect(dial.form).toBe(field.form);
  });

  it('keeps the number and shows the error when dialling fails', async () => {
    const bridge = new FakeBridge();
    bridge.answer = () => err('AUTH', 'You are signed out of Webex: sign in again.');
    const { field } = await mountDialer(bridge);
    fireEvent.input(field, { target: { value: '5021' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dial' }));
    await settle();
    expect(field.value).toBe('5021');
    expect(screen.getByRole('alert').textContent).toContain('You are signed out of Webex: sign in again.');
  });

  it('Pick up without a number picks up the group; with one, that target', async () => {
    const { bridge, field } = await mountDialer();
    fireEvent.click(screen.getByRole('button', { name: 'Pick up' }));
    await settle();
    fireEvent.input(field, { target: { value: '2001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pick up' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'pickup' }, { type: 'pickup', target: '2001' }]);
  });

  it('Barge in needs a target', async () => {
    const { bridge, field } = await mountDialer();
    fireEvent.click(screen.getByRole('button', { name: 'Barge in' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(screen.getByText('Enter the number or extension to barge in on.')).toBeTruthy();
    fireEvent.input(field, { target: { value: '2002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Barge in' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'bargeIn', target: '2002' }]);
  });

  it('Retrieve takes back the call I parked, or the park slot typed in', async () => {
    const { bridge, field } = await mountDialer();
    act(() => {
      lastParkedAt.value = { number: '5021', privacy: false };
    });
    expect(screen.getByText(/Your parked call waits at 5021/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retrieve' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Retrieve' }));
    await settle();
    fireEvent.input(field, { target: { value: '5030' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retrieve' }));
    await settle();
    expect(bridge.commands).toEqual([
      { type: 'retrieve', destination: '5021' },
      { type: 'retrieve' },
      { type: 'retrieve', destination: '5030' },
    ]);
  });

  it('a number from a link is pre-filled and waits for Dial', async () => {
    const { bridge, field } = await mountDialer();
    act(() => bridge.requestDial({ destination: 'tel:+1-555-010-2030', source: 'link' }));
    await settle();
    expect(field.value).toBe('+15550102030');
    expect(screen.getByText(/A link asks to call/).textContent).toContain('+15550102030');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dial' }));
    expect(bridge.commands).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Dial' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'dial', destination: '+15550102030' }]);
    expect(screen.queryByText(/A link asks to call/)).toBeNull();
  });

  it('Cancel drops a number from a link without dialling', async () => {
    const { bridge, field } = await mountDialer();
    act(() => bridge.requestDial({ destination: '5021', source: 'selection' }));
    await settle();
    expect(screen.getByText(/Your selection asks to call/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(field.value).toBe('');
    expect(bridge.commands).toEqual([]);
  });
});

describe('Dialer with more than one line', () => {
  const lines = [
    { id: '', label: 'My line', number: '+15550123', primary: true },
    { id: 'front-desk', label: 'Virtual line', primary: false },
  ];

  it('offers no Line choice while the account has one line', async () => {
    await mountDialer();
    expect(screen.queryByLabelText('Line')).toBeNull();
  });

  it('dials on the chosen line, and on my own line when that is chosen', async () => {
    const bridge = new FakeBridge();
    bridge.currentStatus = { health: 'live', provider: 'webex', demo: false, account: { provider: 'webex', displayName: 'Grace', lines } };
    const { field } = await mountDialer(bridge);
    const select = screen.getByLabelText('Line') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['My line · +15550123', 'Virtual line']);
    fireEvent.change(select, { target: { value: 'front-desk' } });
    fireEvent.input(field, { target: { value: '2002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dial' }));
    await settle();
    fireEvent.change(select, { target: { value: '' } });
    fireEvent.input(field, { target: { value: '2003' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dial' }));
    await settle();
    expect(bridge.commands).toEqual([
      { type: 'dial', destination: '2002', line: 'front-desk' },
      { type: 'dial', destination: '2003' },
    ]);
  });

  it('picks up, barges in and retrieves on the chosen line too', async () => {
    const bridge = new FakeBridge();
    bridge.currentStatus = { health: 'live', provider: 'webex', demo: false, account: { provider: 'webex', displayName: 'Grace', lines } };
    const { field } = await mountDialer(bridge);
    fireEvent.change(screen.getByLabelText('Line') as HTMLSelectElement, { target: { value: 'front-desk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pick up' }));
    await settle();
    fireEvent.input(field, { target: { value: '2002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Barge in' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Retrieve' }));
    await settle();
    expect(bridge.commands).toEqual([
      { type: 'pickup', line: 'front-desk' },
      { type: 'bargeIn', target: '2002', line: 'front-desk' },
      { type: 'retrieve', line: 'front-desk' },
    ]);
  });
});
