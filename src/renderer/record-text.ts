/**
 * Words for a call's recordings and timeline: recording states, when something happened, how long a
 * recording lasts, whether its media address may be shown as a link. Pure functions of domain values;
 * no DOM, no bridge.
 */
import type { Recording } from '../shared/domain';
import { formatDuration } from './call-text';

export const RECORDING_FILE_LABELS: Record<Recording['state'], string> = {
  recording: 'Still recording',
  complete: 'Complete',
  error: 'Failed',
};

/** "Jan 5, 10:00:05": the date too, since history reaches back days. Empty for an unreadable time. */
export function eventTime(iso: string | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  return time.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** How long the recording lasted, when both ends are known. */
export function recordingLength(recording: Pick<Recording, 'startedAt' | 'endedAt'>): string | undefined {
  if (!recording.startedAt || !recording.endedAt) return undefined;
  const ms = Date.parse(recording.endedAt) - Date.parse(recording.startedAt);
  return Number.isNaN(ms) ? undefined : formatDuration(ms);
}

/** The media address as a link target, only when it is http(s): nothing else is handed to a link. */
export function mediaLink(recording: Pick<Recording, 'mediaUrl'>): string | undefined {
  if (!recording.mediaUrl) return undefined;
  try {
    const url = new URL(recording.mediaUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
