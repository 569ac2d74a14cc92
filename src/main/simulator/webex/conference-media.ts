/**
 * What each side of the simulated audio hears, so tests can check that the conference flags do what
 * the reference says (docs/wire/webex-calling.md §3: a muted participant's media "will not be transmitted to the
 * conference"; a deafened one gets no media "transmitted to the participant"). Every leg of a call or
 * conference either talks into the mix or not, and listens to it or not. Pure: no state, no HTTP.
 */
import type { SimMedia } from './types';

export type { SimMedia };

/** One party in the mix: the host (me) or the remote party of one of my calls. */
export interface MediaLeg {
  id: string;
  talks: boolean;
  listens: boolean;
}

/** A party sends when they talk and anyone else listens; receives when they listen and anyone else talks. */
export function mediaOfLeg(legs: readonly MediaLeg[], id: string): SimMedia {
  const me = legs.find((leg) => leg.id === id);
  if (!me) return { sends: false, receives: false };
  const others = legs.filter((leg) => leg.id !== id);
  return {
    sends: me.talks && others.some((other) => other.listens),
    receives: me.listens && others.some((other) => other.talks),
  };
}

export const NO_MEDIA: SimMedia = { sends: false, receives: false };
