import { afterEach, describe, expect, it } from 'vitest';
import { fakeElectron, Notification } from '../../fakes/electron';
import { eventually, type RunningShell, startShell } from './shell-harness';

let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const carol = {
  from: { name: 'Carol White', number: '+15550100103' },
  redirections: [{ reason: 'busy' as const, by: { name: 'Bob Jones', number: '2002' } }],
};

function callNotifications(): Notification[] {
  return Notification.instances.filter((n) => n.actions.length > 0 || n.title !== 'Switchboard');
}

describe('incoming-call notification', () => {
  it('macOS/Windows: the caller as title, the reason as body, Answer/Decline buttons; Answer answers, and it closes', async () => {
    shell = await startShell({ platform: 'win32' });
    const callId = shell.simulator.scenario.ringUser(carol);
    await eventually(() => callNotifications().length).toBe(1);
    const [notification] = callNotifications();
    if (!notification) throw new Error('no notification');
    expect(notification.shown).toBe(true);
    expect(notification.title).toBe('Carol White');
    expect(notification.body).toBe('Forwarded from Bob Jones — busy');
    expect(notification.actions).toEqual([
      { type: 'button', text: 'Answer' },
      { type: 'button', text: 'Decline' },
    ]);

    notification.pressAction('Answer');
    await eventually(() => shell?.simulator.listCalls().find((c) => c.id === callId)?.state).toBe('connected');
    await eventually(() => notification.closed).toBe(true);
    expect(Notification.instances.filter((n) => n.shown && !n.closed)).toEqual([]);
  });

  it('Decline declines the ringing call', async () => {
    shell = await startShell({ platform: 'darwin' });
    shell.simulator.scenario.ringUser(carol);
    await eventually(() => callNotifications().length).toBe(1);
    callNotifications()[0]?.pressAction('Decline');
    await eventually(() => shell?.requests({ method: 'POST', path: '/telephony/calls/reject' }).length).toBe(1);
    await eventually(() => callNotifications()[0]?.closed).toBe(true);
  });

  it("Linux: a caller's name or number cannot put markup (links, bold) into the notification body", async () => {
    shell = await startShell({ platform: 'linux' });
    shell.simulator.scenario.ringUser({
      from: { name: 'Mallory', number: '+15550100104' },
      redirections: [
        { reason: 'busy' as const, by: { name: '<a href="https://evil.example/">Your bank</a> & <b>urgent</b>', number: '2002' } },
      ],
    });
    await eventually(() => Notification.instances.length).toBe(1);
    const body = Notification.instances[0]?.body ?? '';
    expect(body).toBe('Forwarded from &lt;a href="https://evil.example/"&gt;Your bank&lt;/a&gt; &amp; &lt;b&gt;urgent&lt;/b&gt; — busy');
    expect(body).not.toMatch(/[<>]/);
  });

  it('macOS and Windows show the body as plain text, unescaped', async () => {
    shell = await startShell({ platform: 'darwin' });
    shell.simulator.scenario.ringUser({
      from: { name: 'Mallory', number: '+15550100104' },
      redirections: [{ reason: 'busy' as const, by: { name: 'Smith & <Sons>', number: '2002' } }],
    });
    await eventually(() => callNotifications().length).toBe(1);
    expect(callNotifications()[0]?.body).toBe('Forwarded from Smith & <Sons> — busy');
  });

  it('Linux: no buttons (libnotify has none); closed when the call is answered elsewhere', async () => {
    shell = await startShell({ platform: 'linux' });
    const callId = shell.simulator.scenario.ringUser(carol);
    await eventually(() => Notification.instances.length).toBe(1);
    const [notification] = Notification.instances;
    expect(notification?.actions).toEqual([]);
    expect(notification?.title).toBe('Carol White');
    shell.simulator.scenario.answerOnDevice(callId);
    await eventually(() => notification?.closed).toBe(true);
  });

  it('a click brings the popup forward without focusing it', async () => {
    shell = await startShell({ platform: 'linux' });
    shell.simulator.scenario.ringUser(carol);
    await eventually(() => shell?.popup.isVisible()).toBe(true);
    shell.popup.hide(); // e.g. hidden behind by the window manager
    Notification.instances[0]?.click();
    expect(shell.popup.isVisible()).toBe(true);
    expect(shell.popup.showInactiveCount).toBe(2);
    expect(shell.popup.focusCount).toBe(0);
  });

  it('follows the rules: none with the notification hint turned off, none with do not disturb', async () => {
    shell = await startShell({ settings: { popup: { notification: false } } });
    shell.simulator.scenario.ringUser(carol);
    await eventually(() => shell?.popup.isVisible()).toBe(true);
    expect(Notification.instances).toEqual([]);
    await shell.stop();

    shell = await startShell({ settings: { doNotDisturb: true } });
    shell.simulator.scenario.ringUser(carol);
    await shell.untilCall((c) => c.state === 'alerting');
    expect(Notification.instances).toEqual([]);
  });

  it('"never pop" keeps the notification as the only hint, and a click then opens the panel', async () => {
    shell = await startShell({ platform: 'linux', settings: { popup: { neverPop: true } } });
    shell.simulator.scenario.ringUser(carol);
    await eventually(() => Notification.instances.length).toBe(1);
    expect(shell.popup.isVisible()).toBe(false);
    Notification.instances[0]?.click();
    expect(shell.panel.isVisible()).toBe(true);
  });

  it('shows none where the OS has no notifications', async () => {
    shell = await startShell();
    fakeElectron.notificationsSupported = false;
    shell.simulator.scenario.ringUser(carol);
    await eventually(() => shell?.popup.isVisible()).toBe(true);
    expect(Notification.instances).toEqual([]);
  });
});
