/**
 * A figure is one measured median with its bar. A ratio compares it with a
 * baseline measured in the same run; the bar applies either to the figure
 * itself or to the ratio.
 */
import type { Sample } from './measure.js';

export type Bar = {
  readonly op: '>=' | '<=' | '<';
  readonly limit: number;
  /** What the bar is checked against. */
  readonly on: 'value' | 'ratio';
  /** Who set it: the issue (#10) or this bench (the issue gave none; README explains). */
  readonly source: 'issue' | 'bench';
};

export type Baseline = { readonly label: string; readonly unit: string; readonly value: Sample };

export type Figure = {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: Sample;
  readonly bar: Bar;
  readonly baseline?: Baseline;
  /** How `ratio` reads, e.g. "time ours/bare" or "rate batched/single". */
  readonly ratioLabel?: string;
  readonly ratio?: number;
  /** Extra measured facts (secondary figures without a bar, e.g. the RSS delta). */
  readonly details?: Readonly<Record<string, number | string>>;
};

export type Verdict = 'PASS' | 'FAIL';

export function verdict(figure: Figure): Verdict {
  const subject = figure.bar.on === 'ratio' ? figure.ratio : figure.value.median;
  if (subject === undefined || !Number.isFinite(subject)) return 'FAIL';
  const ok = figure.bar.op === '>=' ? subject >= figure.bar.limit : figure.bar.op === '<=' ? subject <= figure.bar.limit : subject < figure.bar.limit;
  return ok ? 'PASS' : 'FAIL';
}

export function figure(input: Figure): Figure {
  if (input.bar.on === 'ratio' && input.ratio === undefined) {
    throw new Error(`Figure ${input.id} has its bar on the ratio but no ratio; give baseline and ratio.`);
  }
  return input;
}
