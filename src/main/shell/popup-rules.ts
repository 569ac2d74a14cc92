/**
 * Decides what an incoming call shows: the popup, the OS notification hint, both or neither, from the
 * user's popup rules (per reason, quiet hours, "my desk phone rings — never pop", do not disturb).
 * Pure: the caller passes the time. Must not import electron.
 */
import { isRingingIncoming } from '../../shared/call-states';
import type { Call } from '../../shared/domain';
import type { PopupReason, Settings } from '../../shared/settings';

export interface PopupDecision {
  popup: boolean;
  notification: boolean;
  reason: PopupReason;
}

/** Why the call reaches me: a park recall, the most recent redirection, or a direct call. */
export function popupReason(call: Call): PopupReason {
  if (call.recall) return 'parkRecall';
  return call.redirections[0]?.reason ?? 'direct';
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Quiet hours may cross midnight (19:00–08:00). Equal start and end means all day. */
export function inQuietHours(quiet: Settings['popup']['quietHours'], now: Date): boolean {
  if (!quiet.enabled) return false;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const t = now.getHours() * 60 + now.getMinutes();
  if (start === end) return true;
  return start < end ? t >= start && t < end : t >= start || t < end;
}

export function decidePopup(call: Call, settings: Settings, now: Date): PopupDecision {
  const reason = popupReason(call);
  if (!isRingingIncoming(call)) return { popup: false, notification: false, reason };
  const silenced = settings.doNotDisturb || inQuietHours(settings.popup.quietHours, now) || settings.popup.reasons[reason] === false;
  if (silenced) return { popup: false, notification: false, reason };
  return { popup: !settings.popup.neverPop, notification: settings.popup.notification, reason };
}
