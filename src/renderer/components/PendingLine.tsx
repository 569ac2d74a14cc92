/**
 * "Holding…", "Muting…": the line a call, participant or conference shows while a command for it is
 * on its way, announced politely. Every window shows pending work the same way.
 */
import type { Action } from '../../shared/domain';
import { pendingLabel } from '../labels';

export function PendingLine({ pending }: { pending: Action | undefined }) {
  return (
    <p class="call-pending" role="status">
      <span class="spinner" aria-hidden="true" />
      {pendingLabel(pending)}
    </p>
  );
}
