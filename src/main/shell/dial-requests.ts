/**
 * Numbers that arrive from outside the panel — a tel:/callto:/sip:/webextel: link any program can open,
 * or the selected text (dial-selection shortcut) — are normalised, then dialled at once or handed to the
 * panel as `dial:requested` for the user to confirm: by default feature codes and international numbers
 * wait (src/shared/link-dial-policy.ts), and the user can ask for every number or none to wait.
 * Anything that is not a number becomes a notice and nothing is dialled.
 */
import type { DialRequest, Notice } from '../../shared/contract';
import { normalizeDestination } from '../../shared/dial-string';
import { reasonToAsk } from '../../shared/link-dial-policy';
import type { Settings } from '../../shared/settings';
import { destinationFromLink } from './protocol-link';
import type { SwitchboardCore } from '../core/switchboard-core';

export interface DialRequestsOptions {
  /** `status` gives the user's own number: a number in the same country is not international. */
  core: Pick<SwitchboardCore, 'command' | 'status'>;
  settings(): Settings;
  /** Shows the request in the panel for the user to confirm. */
  confirm(request: DialRequest): void;
  notice(notice: Notice): void;
}

export interface DialRequests {
  fromLink(url: string): Promise<void>;
  fromSelection(text: string): Promise<void>;
}

export function createDialRequests(options: DialRequestsOptions): DialRequests {
  async function dial(destination: string, source: DialRequest['source']): Promise<void> {
    const reason = reasonToAsk(destination, options.settings().linkDial, options.core.status().account?.primaryNumber);
    if (reason !== null) {
      options.confirm({ destination, source, reason });
      return;
    }
    const result = await options.core.command({ type: 'dial', destination });
    if (!result.ok) options.notice({ kind: 'error', message: result.error.message, error: result.error });
  }

  return {
    async fromLink(url) {
      const destination = destinationFromLink(url);
      if (!destination.ok) {
        options.notice({ kind: 'error', message: `Nothing was dialled: ${destination.error.message}`, error: destination.error });
        return;
      }
      await dial(destination.value, 'link');
    },
    async fromSelection(text) {
      const trimmed = text.trim();
      if (trimmed === '') {
        options.notice({ kind: 'info', message: 'Select or copy a number first, then press the dial shortcut.' });
        return;
      }
      const destination = normalizeDestination(trimmed);
      if (!destination.ok) {
        options.notice({ kind: 'error', message: `Nothing was dialled: ${destination.error.message}`, error: destination.error });
        return;
      }
      await dial(destination.value, 'selection');
    },
  };
}
