import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(import.meta.dirname, '../../../src/core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Imports that exist at run time: `import type …` and `export type …` are left out. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)';/gms)) {
    const spec = match[1];
    if (spec !== undefined) found.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return found;
}

/** Every cycle found by a depth-first walk, as the list of files around it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('src/core imports', () => {
  it('has no import cycle (features import shared helpers and each other one way only)', () => {
    const graph = new Map(sources(CORE).map((file) => [file, valueImports(file)]));
    const found = cycles(graph).map((cycle) => cycle.map((file) => relative(CORE, file)).join(' → '));
    expect(found).toEqual([]);
  });

  it('the walk finds a cycle when there is one, and reads value imports only', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(valueImports(join(CORE, 'engine.ts')).some((file) => file.endsWith('features/index.ts'))).toBe(true);
    expect(valueImports(join(CORE, 'engine.ts')).some((file) => file.endsWith('turn.ts'))).toBe(true);
    expect(valueImports(join(CORE, 'engine.ts')).some((file) => file.endsWith('feature.ts'))).toBe(false);
  });
});
