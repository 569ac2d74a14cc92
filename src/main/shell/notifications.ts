/**
 * OS notifications as a hint for a ringing call (the popup is the real incoming-call UI): the caller as
 * title, why it rings as body, Answer/Decline buttons where the OS has them (macOS, Windows), a click
 * brings the popup forward. Closed as soon as the call stops ringing. Ruled by decidePopup().
 * On Linux the body is markup (the notification server renders <b>, <a href> …): the caller's name and
 * number are the caller's to choose, so there the body is escaped and reads exactly as it is.
 */
import { Notification, type NotificationAction } from 'electron';
import { ACTION_LABELS } from '../../shared/action-labels';
import type { Call } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { partySubtitle, partyTitle, reachReason } from '../../shared/party-text';
import { decidePopup } from './popup-rules';
import { ringingCalls } from '../../shared/call-states';

export interface CallNotifierOptions {
  platform: NodeJS.Platform;
  settings(): Settings;
  now?: () => Date;
  answer(call: Call): void;
  decline(call: Call): void;
  /** The user clicked the notification. */
  activate(call: Call): void;
}

export interface CallNotifier {
  update(calls: readonly Call[]): void;
  closeAll(): void;
}

type ButtonAction = 'answer' | 'decline';

/** Notification buttons exist on macOS and Windows only; Linux (libnotify) shows none. */
function supportsActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

function notificationBody(call: Call): string {
  const reason = reachReason(call);
  if (reason) return reason;
  const number = partySubtitle(call.remote);
  return number ? `Incoming call from ${number}` : 'Incoming call';
}

/** The body as the platform shows it: Linux notification servers read it as markup, so there &, < and > are escaped. */
export function platformBody(text: string, platform: NodeJS.Platform): string {
  if (platform !== 'linux') return text;
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function createCallNotifier(options: CallNotifierOptions): CallNotifier {
  const now = options.now ?? (() => new Date());
  /** One per ringing call, kept (even if the user dismissed it) until the call stops ringing, so it is never shown twice. */
  const shown = new Map<string, Notification>();

  function notify(call: Call): Notification {
    const buttons: ButtonAction[] = supportsActions(options.platform)
      ? (['answer', 'decline'] as const).filter((a) => call.actions.includes(a))
      : [];
    const actions: NotificationAction[] = buttons.map((b) => ({ type: 'button', text: ACTION_LABELS[b] }));
    const notification = new Notification({
      // The same words as the popup: who, then why (or the number for a plain call).
      title: partyTitle(call.remote),
      body: platformBody(notificationBody(call), options.platform),
      actions,
      urgency: 'critical',
      timeoutType: 'never',
      silent: false,
    });
    notification.on('action', (event, legacyIndex) => {
      const index = typeof event?.actionIndex === 'number' ? event.actionIndex : legacyIndex;
      const button = buttons[index];
      if (button === 'answer') options.answer(call);
      if (button === 'decline') options.decline(call);
    });
    notification.on('click', () => options.activate(call));
    notification.show();
    return notification;
  }

  return {
    update(calls) {
      const settings = options.settings();
      const at = now();
      const wanted = new Map(
        ringingCalls(calls)
          .filter((c) => decidePopup(c, settings, at).notification)
          .map((c) => [c.id, c]),
      );
      for (const [id, notification] of shown) {
        if (wanted.has(id)) continue;
        notification.close();
        shown.delete(id);
      }
      if (!Notification.isSupported()) return;
      for (const [id, call] of wanted) if (!shown.has(id)) shown.set(id, notify(call));
    },
    closeAll() {
      for (const notification of shown.values()) notification.close();
      shown.clear();
    },
  };
}
