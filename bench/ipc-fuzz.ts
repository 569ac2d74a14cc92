/**
 * The IPC fuzz at length (test/main/runtime/ipc-fuzz-run.ts): about 100,000 malformed payloads on every
 * channel of every window into the Webex demo. Prints the counts, the payloads per second and any
 * problem found (the test asserts there are none at its 10,000).
 */
import { runIpcFuzz } from '../test/main/runtime/ipc-fuzz-run';

export async function runIpcFuzzBenchmark(perChannel = 1_400): Promise<void> {
  console.log('');
  console.log('IPC fuzz: malformed payloads on every channel of every window (Webex demo)');
  const r = await runIpcFuzz({ perChannel });
  console.log(
    `payloads:                   ${r.payloads} (seed ${r.seed}): ${r.refused} refused as BAD_INPUT, ${r.handled} well-formed ones handled`,
  );
  console.log(
    `requests to the simulator:  ${r.wireRequests}, carrying ${r.wireNumbers} numbers and ${r.wireTones} tone strings, all checked normal`,
  );
  console.log(`problems:                   ${r.problemCount}, unhandled rejections ${r.unhandledRejections}`);
  for (const problem of r.problems.slice(0, 10)) console.log(`  ${problem}`);
  console.log(`payloads per second:        ${((r.payloads / r.elapsedMs) * 1000).toFixed(0)}`);
}
