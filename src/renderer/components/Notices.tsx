/**
 * Where outcomes are told: information in a polite `role="status"` region (it fades after a while),
 * errors in a `role="alert"` region that stays until dismissed. Both regions exist before any message
 * so screen readers announce what arrives.
 */
import { useEffect } from 'preact/hooks';
import { type ShownNotice, dismissNotice, notices } from '../state';

/** How long an information notice stays; errors stay until dismissed. */
const INFO_LIFETIME_MS = 12_000;

function NoticeItem({ notice }: { notice: ShownNotice }) {
  useEffect(() => {
    if (notice.kind !== 'info') return undefined;
    const timer = setTimeout(() => dismissNotice(notice.id), INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notice.id, notice.kind]);
  return (
    <li class={`notice notice-${notice.kind}`}>
      <span class="notice-text">{notice.message}</span>
      <button type="button" class="btn btn-icon" aria-label="Dismiss" title="Dismiss" onClick={() => dismissNotice(notice.id)}>
        ×
      </button>
    </li>
  );
}

export function Notices() {
  const all = notices.value;
  const errors = all.filter((n) => n.kind === 'error');
  const infos = all.filter((n) => n.kind === 'info');
  return (
    <div class="notices">
      <div role="alert" class="notice-region">
        {errors.length > 0 && (
          <ul class="notice-list">
            {errors.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
        )}
      </div>
      <div role="status" class="notice-region">
        {infos.length > 0 && (
          <ul class="notice-list">
            {infos.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
