import { runEventBenchmarks } from './event-latency';
await runEventBenchmarks();
