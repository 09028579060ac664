/** bench/results.json: the machine, every figure with its runs, bar, verdict, baseline and ratio. */
import { writeFileSync } from 'node:fs';
import { verdict, type Figure } from './figure.js';
import type { Machine } from './machine.js';

export type Results = {
  readonly generatedAt: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly passed: boolean;
  readonly figures: readonly unknown[];
};

export function toResults(machine: Machine, figures: readonly Figure[], durationSeconds: number): Results {
  return {
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round(durationSeconds * 10) / 10,
    machine,
    passed: figures.every((f) => verdict(f) === 'PASS'),
    figures: figures.map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      median: f.value.median,
      runs: f.value.runs,
      bar: f.bar,
      verdict: verdict(f),
      ...(f.baseline ? { baseline: { label: f.baseline.label, unit: f.baseline.unit, median: f.baseline.value.median, runs: f.baseline.value.runs } } : {}),
      ...(f.ratio === undefined ? {} : { ratio: f.ratio, ratioLabel: f.ratioLabel }),
      ...(f.details ? { details: f.details } : {}),
    })),
  };
}

export function writeResults(path: string, results: Results): void {
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
