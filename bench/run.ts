/** `npm run bench`: prints the performance figures. No thresholds: numbers to read and compare. */
import { runEventBenchmarks } from './event-latency';

console.log('Switchboard benchmarks');
console.log('======================');
await runEventBenchmarks();
