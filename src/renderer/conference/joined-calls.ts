/**
 * Which of my calls are in a conference now: the participants of every conference that has not ended.
 * Merge and Add to conference both offer only calls outside this set, so an ended conference that is
 * still listed never holds a call back. Pure.
 */
import type { Conference } from '../../shared/domain';

export function callsInLiveConferences(conferences: readonly Conference[]): Set<string> {
  return new Set(conferences.filter((c) => c.state !== 'disconnected').flatMap((c) => c.participants.map((p) => p.callId)));
}
