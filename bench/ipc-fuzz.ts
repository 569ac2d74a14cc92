/**
 * The IPC fuzz at length (test/main/runtime/ipc-fuzz-run.ts): about 100,000 malformed payloads on every
 * channel of every window into the Webex demo, then the dial-string and DTMF attacks into RingCentral's.
 * Prints the counts, the payloads per second and any problem found (the tests assert there are none).
 */
import type { ProviderId } from '../src/shared/domain';
import { type FuzzOptions, runIpcFuzz } from '../test/main/runtime/ipc-fuzz-run';

async function fuzz(name: string, options: FuzzOptions & { provider: ProviderId }): Promise<void> {
  console.log('');
  console.log(`IPC fuzz: ${name}`);
  const r = await runIpcFuzz(options);
  console.log(
    `payloads:                   ${r.payloads} (seed ${r.seed}): ${r.refused} refused as BAD_INPUT, ${r.handled} well-formed ones handled`,
  );
  console.log(
    `requests to the simulator:  ${r.wireRequests}, carrying ${r.wireNumbers} numbers and ${r.wireTones} tone strings, all checked`,
  );
  console.log(`problems:                   ${r.problemCount}, unhandled rejections ${r.unhandledRejections}`);
  for (const problem of r.problems.slice(0, 10)) console.log(`  ${problem}`);
  console.log(`payloads per second:        ${((r.payloads / r.elapsedMs) * 1000).toFixed(0)}`);
}

export async function runIpcFuzzBenchmark(perChannel = 1_400): Promise<void> {
  await fuzz('malformed payloads on every channel of every window (Webex demo)', { provider: 'webex', perChannel });
  await fuzz('number and tone attacks on calls RingCentral already has (RingCentral demo)', {
    provider: 'ringcentral',
    perChannel: 0,
    // RingCentral allows ten call-outs a minute: commands that place a call are left out.
    skipAttackTypes: ['dial', 'pickup', 'bargeIn', 'retrieve', 'listen'],
  });
}
