/** `npm run bench`: prints the performance figures. No thresholds: numbers to read and compare. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RENDERER_DIR } from '../src/preview/preview-server';
import { runBandwidthBenchmarks } from './bandwidth';
import { runBundleSizeBenchmark } from './bundle-size';
import { runEventBenchmarks } from './event-latency';
import { runFaultBenchmarks } from './faults';
import { runIpcFuzzBenchmark } from './ipc-fuzz';
import { runPopupLatencyBenchmark } from './popup-latency';
import { runRingCentralBenchmarks } from './ringcentral-latency';
import { runRingCentralFaultBenchmark } from './ringcentral-faults';
import { runSoakBenchmark } from './soak';

if (!existsSync(join(DEFAULT_RENDERER_DIR, 'panel.html'))) {
  console.log('Building the app first (out/renderer is missing)…');
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

console.log('Switchboard benchmarks');
console.log('======================');
await runEventBenchmarks();
await runBandwidthBenchmarks();
await runRingCentralBenchmarks();
await runFaultBenchmarks();
await runRingCentralFaultBenchmark();
runBundleSizeBenchmark(DEFAULT_RENDERER_DIR);
await runPopupLatencyBenchmark();
await runSoakBenchmark();
await runIpcFuzzBenchmark();
