/** Percentile of sorted samples (nearest rank). */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** Runs `fn` for each input after a warm-up; returns p50/p95 in milliseconds. */
export const measure = async <T>(inputs: T[], fn: (input: T) => Promise<unknown>, warmup = 20) => {
  for (const input of inputs.slice(0, warmup)) await fn(input);
  const times: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await fn(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
};

export const ms = (x: number) => `${x.toFixed(2)} ms`;
