/** Percentiles and formatting for the benchmark printout. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summary(samples: number[]): string {
  return `p50 ${percentile(samples, 50).toFixed(0)} ms · p95 ${percentile(samples, 95).toFixed(0)} ms · n=${samples.length}`;
}
