import { afterEach, describe, expect, it } from 'vitest';
import { app, fakeElectron, fakeEvent } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const dials = () => shell?.requests({ method: 'POST', path: '/telephony/calls/dial' }) ?? [];
/** These tests are about how a link arrives: every number dials at once (what waits is tested below). */
const AT_ONCE = { linkDial: 'dialAtOnce' as const };

describe('tel:, callto:, sip:, webextel: links', () => {
  it('registers all four protocols with the OS', async () => {
    shell = await startShell();
    expect(fakeElectron.protocolClients.map((c) => c.protocol)).toEqual(['tel', 'callto', 'sip', 'webextel']);
  });

  it("a link in the first instance's argv dials the normalised number", async () => {
    shell = await startShell({ settings: AT_ONCE, argv: ['/opt/Switchboard/switchboard', '--no-sandbox', 'tel:+1-555-010-2030'] });
    await eventually(() => dials().length).toBe(1);
    expect(dials()[0]?.body).toMatchObject({ destination: '+15550102030' });
  });

  it('a second instance hands its link over (Windows/Linux)', async () => {
    shell = await startShell({ settings: AT_ONCE });
    app.emit('second-instance', fakeEvent(), ['/opt/Switchboard/switchboard', 'callto://+1%20555%20010%202030/'], '/home/user', {});
    await eventually(() => dials().length).toBe(1);
    expect(dials()[0]?.body).toMatchObject({ destination: '+15550102030' });
  });

  it('a second start without a link shows the panel', async () => {
    shell = await startShell();
    app.emit('second-instance', fakeEvent(), ['/opt/Switchboard/switchboard'], '/home/user', {});
    expect(shell.panel.isVisible()).toBe(true);
    expect(dials()).toEqual([]);
  });

  it('macOS open-url, even before ready, dials once the app is up; the event is taken', async () => {
    const early = fakeEvent();
    shell = await startShell({ settings: AT_ONCE, beforeReady: () => app.emit('open-url', early, 'webextel:+15550102030') });
    await eventually(() => dials().length).toBe(1);
    expect(early.defaultPrevented).toBe(true);
    const later = fakeEvent();
    app.emit('open-url', later, 'tel:+15550102031');
    await eventually(() => dials().length).toBe(2);
    expect(dials().map((r) => (r.body as { destination: string }).destination)).toEqual(['+15550102030', '+15550102031']);
  });

  it('with "always ask first", the panel shows the number to confirm and nothing is dialled', async () => {
    shell = await startShell({ settings: { linkDial: 'askAlways' } });
    app.emit('open-url', fakeEvent(), 'tel:+1-555-010-2030');
    await eventually(() => shell?.panel.webContents.pushed('dial:requested')).toEqual([
      { destination: '+15550102030', source: 'link', reason: 'You asked to confirm every number from a link.' },
    ]);
    expect(shell.panel.isVisible()).toBe(true);
    expect(shell.popup.webContents.pushed('dial:requested')).toEqual([]);
    expect(dials()).toEqual([]);
  });

  it('an invalid link becomes a notice and nothing is dialled', async () => {
    shell = await startShell();
    app.emit('open-url', fakeEvent(), 'tel:call-me-maybe');
    await eventually(() => shell?.panel.webContents.pushed('notice').length).toBe(1);
    expect(shell.panel.webContents.pushed('notice')[0]).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Nothing was dialled/),
    });
    expect(dials()).toEqual([]);
  });

  it('by default a feature code from a link waits for the user, and says why', async () => {
    shell = await startShell();
    app.emit('open-url', fakeEvent(), 'tel:*72' + '5550102030');
    await eventually(() => shell?.panel.webContents.pushed('dial:requested')).toEqual([
      { destination: '*725550102030', source: 'link', reason: 'It is a feature code (it may change your phone settings).' },
    ]);
    expect(shell.panel.isVisible()).toBe(true);
    expect(dials()).toEqual([]);
  });

  it('by default an international number from a link waits; one in my own country dials at once', async () => {
    shell = await startShell();
    await eventually(() => shell?.backend.core.status().account?.primaryNumber).toMatch(/^\+1/);
    app.emit('open-url', fakeEvent(), 'tel:+44 20 7946 0018');
    await eventually(() => shell?.panel.webContents.pushed('dial:requested')).toEqual([
      { destination: '+442079460018', source: 'link', reason: 'It is an international number.' },
    ]);
    app.emit('open-url', fakeEvent(), 'tel:+1-555-010-2030');
    await eventually(() => dials().length).toBe(1);
    expect(dials()[0]?.body).toMatchObject({ destination: '+15550102030' });
  });

  it('a dial the provider refuses becomes a notice', async () => {
    shell = await startShell({ settings: AT_ONCE });
    shell.simulator.faults.failNext({ path: '/telephony/calls/dial', status: 400 });
    app.emit('open-url', fakeEvent(), 'tel:+15550102030');
    await eventually(() => shell?.panel.webContents.pushed('notice').length).toBe(1);
    expect(shell.panel.webContents.pushed('notice')[0]).toMatchObject({ kind: 'error', error: { code: expect.any(String) } });
  });
});
