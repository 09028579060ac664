/**
 * `npm run fuzz [-- --runs 100000] [-- --seed 42]`: random inputs through the
 * full assistant (runner + engine + SQLite :memory:) and the free-text parser,
 * the same checks as test/fuzz/engine-fuzz.test.ts but many more inputs and a
 * new seed each run (printed, so a failure can be replayed with --seed).
 * Prints "inputs tried: N, failures: F" and exits 1 on any failure.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { fuzzCase, type FuzzCase } from '../test/fuzz/fuzz-inputs.js';
import { createFuzzTarget, describeCase } from '../test/fuzz/fuzz-target.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('Usage: npm run fuzz -- [--runs 100000] [--seed 42] (whole numbers)\n');
  process.exit(2);
}

const CHUNK = 5_000;
const target = createFuzzTarget();
const failures: { c: FuzzCase; problems: string[] }[] = [];
let tried = 0;
const started = Date.now();
process.stderr.write(`fuzz: seed ${seed}, ${runs} inputs\n`);
for (let chunk = 0; tried < runs; chunk += 1) {
  const batch = fc.sample(fuzzCase, { seed: seed + chunk, numRuns: Math.min(CHUNK, runs - tried) });
  for (const c of batch) {
    const problems = await target.check(c);
    tried += 1;
    if (problems.length > 0) failures.push({ c, problems });
  }
  process.stderr.write(`  ${tried} inputs, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
target.close();
for (const { c, problems } of failures.slice(0, 10)) {
  process.stdout.write(`FAIL ${problems.join('; ').slice(0, 600)}\n  input: ${describeCase(c)}\n`);
}
process.stdout.write(`inputs tried: ${tried}, failures: ${failures.length}\n`);
process.exitCode = failures.length === 0 ? 0 : 1;
