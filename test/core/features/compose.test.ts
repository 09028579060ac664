import { describe, expect, it } from 'vitest';
import { composeFeatures, CompositionError } from '../../../src/core/compose.js';
import type { Feature } from '../../../src/core/feature.js';
import { APP, FEATURES } from '../../../src/core/features/index.js';
import { FLOWS } from '../../../src/core/session.js';

const on = (): boolean => true;
const reask = (): void => undefined;

describe('composing the features', () => {
  it('the app composes: every id, command and step has one owner, and every step can be asked again', () => {
    expect(APP.features).toBe(FEATURES);
    for (const flow of FLOWS) expect(APP.stepOwner(flow)?.steps?.reask).toBeTypeOf('function');
    expect(APP.choiceOwner('consent:yes')?.name).toBe('consent');
    expect(APP.choiceOwner('faq:human')?.name).toBe('handoff');
    expect(APP.choiceOwner('faq:free_what')?.name).toBe('faq');
    expect(APP.choiceOwner('loc:31001')?.name).toBe('locality');
    expect(APP.choiceOwner('nobody:here')).toBeUndefined();
    expect(APP.commandOwner('broadcast')?.name).toBe('outreach');
    expect(APP.commandOwner('no_such_command')?.name).toBe('menu');
    // The ids people's old keyboards still send keep working.
    expect(APP.choiceIds).toEqual(expect.arrayContaining(['check:idvn', 'check:bizvn', 'menu:main', 'privacy:delete', 'fb:up', 'assist:exit', 'renew:yes', 'reg:idvn']));
  });

  it('refuses an id claimed by two features, naming both', () => {
    const a: Feature = { name: 'a', choices: { ids: ['x:1'], on } };
    const b: Feature = { name: 'b', choices: { ids: ['x:1'], on } };
    expect(() => composeFeatures([a, b], [])).toThrow(new CompositionError('Choice id "x:1" is claimed by the features "a" and "b". Give it to one of them (src/core/features/).'));
  });

  it('refuses an id inside another feature’s prefix, and overlapping prefixes', () => {
    const a: Feature = { name: 'a', choices: { ids: [], prefixes: ['loc:'], on } };
    const b: Feature = { name: 'b', choices: { ids: ['loc:home'], on } };
    const c: Feature = { name: 'c', choices: { ids: [], prefixes: ['loc:x'], on } };
    expect(() => composeFeatures([a, b], [])).toThrow(/"loc:home" of "b" starts with the prefix "loc:" of "a"/);
    expect(() => composeFeatures([a, c], [])).toThrow(/prefixes "loc:" and "loc:x" overlap/);
  });

  it('refuses an id over 64 bytes, a command or step claimed twice, and a step nobody asks again', () => {
    const long: Feature = { name: 'long', choices: { ids: [`x:${'đ'.repeat(32)}`], on } };
    expect(() => composeFeatures([long], [])).toThrow(/is 66 bytes; Telegram callback_data allows 64/);
    const s1: Feature = { name: 's1', commands: { names: ['stop'], run: on } };
    const s2: Feature = { name: 's2', commands: { names: ['stop'], run: on } };
    expect(() => composeFeatures([s1, s2], [])).toThrow(/The command \/stop is claimed by the features "s1" and "s2"/);
    const m1: Feature = { name: 'm1', steps: { flows: ['menu'], reask } };
    const m2: Feature = { name: 'm2', steps: { flows: ['menu'], reask } };
    expect(() => composeFeatures([m1, m2], ['menu'])).toThrow(/The step "menu" is claimed/);
    expect(() => composeFeatures([m1], ['menu', 'idvn'])).toThrow(/No feature asks again from the step\(s\) idvn/);
  });
});
