import { runEventBenchmarks } from './event-latency';
import { runRingCentralBenchmarks } from './ringcentral-latency';
await runEventBenchmarks();
await runRingCentralBenchmarks();
process.exit(0);
