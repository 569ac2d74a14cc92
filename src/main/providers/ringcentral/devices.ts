/**
 * The user's RingCentral devices (docs/wire/ringcentral-and-bandwidth.md §A4 "Devices") and which one
 * Call Control should ring: call-out, answer and pickup take a device id, and only HardPhone/SoftPhone
 * ids work (§A2). Default: the preferred device when it is usable, else the first online desk phone or
 * softphone. No usable device is a clear ProviderError, never a silent guess.
 */
import type { AnswerEndpoint } from '../../../shared/domain';
import { ProviderError } from '../../provider-api/provider-error';
import type { WireDevice } from './wire';

const CALL_CONTROL_TYPES = new Set(['HardPhone', 'SoftPhone']);

export function isUsable(device: WireDevice): boolean {
  return CALL_CONTROL_TYPES.has(device.type) && device.status === 'Online';
}

export function chooseDevice(devices: readonly WireDevice[], preferredId?: string): WireDevice {
  const preferred = preferredId === undefined ? undefined : devices.find((d) => d.id === preferredId);
  if (preferred && isUsable(preferred)) return preferred;
  const first = devices.find(isUsable);
  if (first) return first;
  const offline = devices.some((d) => CALL_CONTROL_TYPES.has(d.type));
  throw new ProviderError({
    code: 'NOT_ALLOWED',
    message: offline
      ? 'No RingCentral desk phone or softphone is online: start the RingCentral app or connect the desk phone, then try again.'
      : 'This RingCentral user has no desk phone or softphone: Call Control can only ring those devices.',
  });
}

/** The devices as answer endpoints for the UI (only those Call Control can use). */
export function toAnswerEndpoints(devices: readonly WireDevice[], preferredId?: string): AnswerEndpoint[] {
  let chosen: string | undefined;
  try {
    chosen = chooseDevice(devices, preferredId).id;
  } catch {
    chosen = undefined;
  }
  return devices.filter(isUsable).map((d) => ({ id: d.id, name: d.name ?? d.type, type: d.type, preferred: d.id === chosen }));
}
