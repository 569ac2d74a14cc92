/**
 * One simulated Catapult user: calls, gathers, recordings, conferences and bridges wired together on
 * one clock. The routes and the scenario drive it; it knows nothing of HTTP.
 */
import { AudioDesk } from './audio';
import { SimBridges } from './bridges';
import { SimCalls } from './calls';
import { SimConferences } from './conferences';
import { SimGathers } from './gathers';
import { IdSource } from './ids';
import { SimRecordings } from './recordings';
import type { SimTimers } from './sim-timers';

export interface CatapultInit {
  timers: SimTimers;
  /** e.g. http://127.0.0.1:4123/v1/users/u-sim */
  userUrl: string;
  numbers: string[];
  farEndAnswerMs: number;
  callTimeoutS: number;
  transcriptionMs: number;
  maxConferenceMembers: number;
}

export class Catapult {
  readonly audio: AudioDesk;
  readonly calls: SimCalls;
  readonly gathers: SimGathers;
  readonly recordings: SimRecordings;
  readonly conferences: SimConferences;
  readonly bridges: SimBridges;

  constructor(init: CatapultInit) {
    const ids = new IdSource();
    const callUrl = (id: string): string => `${init.userUrl}/calls/${id}`;
    this.audio = new AudioDesk(init.timers);
    this.calls = new SimCalls(
      init.timers,
      ids,
      this.audio,
      { ownNumbers: init.numbers, farEndAnswerMs: init.farEndAnswerMs, defaultCallTimeoutS: init.callTimeoutS },
      callUrl,
    );
    this.gathers = new SimGathers(init.timers, ids, this.calls, callUrl);
    this.recordings = new SimRecordings(
      init.timers,
      ids,
      this.calls,
      init.userUrl,
      init.transcriptionMs,
      (id) => `Simulated transcript of recording ${id}.`,
    );
    this.conferences = new SimConferences(init.timers, ids, this.calls, init.userUrl, init.maxConferenceMembers);
    this.bridges = new SimBridges(init.timers, ids, this.calls, init.userUrl);
  }

  close(): void {
    this.calls.close();
    this.gathers.close();
  }
}
