/**
 * Webex keeps at most one conference per line, so a conference's id is its line: `webex-line:primary`
 * for the user's own line, `webex-line:<lineOwnerId>` for a workspace, virtual or shared line. Commands
 * name a conference by this id and go to that line. Pure; knows nothing of HTTP or the UI.
 */
import { ProviderError } from '../../provider-api/provider-error';

const PREFIX = 'webex-line:';
const PRIMARY = 'primary';

/** The id of the conference on that line (undefined: the user's own line). */
export function conferenceIdFor(lineOwnerId: string | undefined): string {
  return `${PREFIX}${lineOwnerId ?? PRIMARY}`;
}

/**
 * The line a conference id names: `{ lineOwnerId }`, undefined for the primary line. An id this
 * provider never gives is refused with NOT_FOUND, before anything is sent.
 */
export function lineOfConference(conferenceId: string): { lineOwnerId: string | undefined } {
  const line = conferenceId.startsWith(PREFIX) ? conferenceId.slice(PREFIX.length) : '';
  if (!line) throw new ProviderError({ code: 'NOT_FOUND', message: 'That conference is not in progress: it may have ended.' });
  return { lineOwnerId: line === PRIMARY ? undefined : line };
}
