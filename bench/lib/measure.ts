/**
 * Timing helpers: every figure is the median of several runs taken after a
 * warm-up. Runs of two variants are interleaved (A, B, A, B…) so that noise
 * from other processes on the machine hits both sides alike.
 */
import { performance } from 'node:perf_hooks';

export type Sample = { readonly median: number; readonly runs: readonly number[] };

export type Plan = { readonly warmup: number; readonly runs: number };

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of no runs: give Plan.runs ≥ 1.');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

export function toSample(runs: readonly number[]): Sample {
  return { median: median(runs), runs };
}

/** One measurement: a function that does the work once and returns the figure of that run. */
export type Run = () => number | Promise<number>;

export async function sample(run: Run, plan: Plan): Promise<Sample> {
  for (let i = 0; i < plan.warmup; i++) await run();
  const runs: number[] = [];
  for (let i = 0; i < plan.runs; i++) runs.push(await run());
  return toSample(runs);
}

/** Several variants measured in turn (A, B, C, A, B, C…) after warming each up. */
export async function sampleInterleaved(variants: readonly Run[], plan: Plan): Promise<Sample[]> {
  for (let i = 0; i < plan.warmup; i++) for (const run of variants) await run();
  const runs: number[][] = variants.map(() => []);
  for (let i = 0; i < plan.runs; i++) {
    for (const [v, run] of variants.entries()) runs[v]?.push(await run());
  }
  return runs.map(toSample);
}

/** Two variants measured alternately after warming up both. */
export async function samplePair(a: Run, b: Run, plan: Plan): Promise<[Sample, Sample]> {
  const [first, second] = await sampleInterleaved([a, b], plan);
  if (first === undefined || second === undefined) throw new Error('samplePair: expected two samples.');
  return [first, second];
}

/** Operations per second of `work`, which returns how many operations it did. */
export function ratePerSecond(work: () => number): number {
  const start = performance.now();
  const ops = work();
  return ops / ((performance.now() - start) / 1000);
}
