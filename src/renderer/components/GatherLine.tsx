/**
 * What a call's Collect digits has got so far: "Collecting digits…" while the caller presses keys,
 * then "Digits: 1234". Announced politely so a screen reader hears the digits arrive.
 */
import type { Gather } from '../../shared/domain';

export function GatherLine({ gather }: { gather: Gather }) {
  return (
    <p class="call-gather" role="status">
      {gather.state === 'collecting' ? 'Collecting digits…' : gather.digits ? `Digits: ${gather.digits}` : 'No digits were pressed.'}
    </p>
  );
}
