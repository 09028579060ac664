/**
 * Puts the features together (like grammY's Composer): who owns each choice
 * id, command and step. Checked once, when the engine module loads: two
 * features claiming one id, prefix, command or step, a step nobody asks
 * again, or an id over Telegram's 64 bytes stops start-up with a message
 * that names the features and the fix.
 */
import type { Feature, Flow } from './feature.js';
import { MAX_CHOICE_ID_BYTES } from './message.js';

export type Composition = {
  /** In their declared order: the order every stage calls them in. */
  readonly features: readonly Feature[];
  /** The feature that owns a choice id (exact ids first, then prefixes). */
  choiceOwner(id: string): Feature | undefined;
  /** The feature that runs `/name` (the one taking `others` when nobody names it). */
  commandOwner(name: string): Feature | undefined;
  /** The feature that asks from a step. */
  stepOwner(flow: Flow): Feature | undefined;
  /** Every exact choice id, for tests that press them all. */
  readonly choiceIds: readonly string[];
};

export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}

function claim<K>(owners: Map<K, Feature>, key: K, feature: Feature, what: string): void {
  const before = owners.get(key);
  if (before !== undefined) {
    throw new CompositionError(`${what} is claimed by the features "${before.name}" and "${feature.name}". Give it to one of them (src/core/features/).`);
  }
  owners.set(key, feature);
}

function checkId(id: string, feature: Feature): void {
  const bytes = new TextEncoder().encode(id).length;
  if (bytes > MAX_CHOICE_ID_BYTES) {
    throw new CompositionError(
      `Choice id "${id}" of the feature "${feature.name}" is ${bytes} bytes; Telegram callback_data allows ${MAX_CHOICE_ID_BYTES}. Shorten the id (the label can stay long).`,
    );
  }
}

export function composeFeatures(features: readonly Feature[], flows: readonly Flow[]): Composition {
  const names = new Map<string, Feature>();
  const ids = new Map<string, Feature>();
  const prefixes = new Map<string, Feature>();
  const commands = new Map<string, Feature>();
  const steps = new Map<Flow, Feature>();
  let others: Feature | undefined;
  for (const feature of features) {
    claim(names, feature.name, feature, `The name "${feature.name}"`);
    for (const id of feature.choices?.ids ?? []) {
      checkId(id, feature);
      claim(ids, id, feature, `Choice id "${id}"`);
    }
    for (const prefix of feature.choices?.prefixes ?? []) claim(prefixes, prefix, feature, `Choice id prefix "${prefix}"`);
    for (const name of feature.commands?.names ?? []) claim(commands, name, feature, `The command /${name}`);
    if (feature.commands?.others === true) {
      if (others !== undefined) throw new CompositionError(`Unknown commands are taken by "${others.name}" and "${feature.name}"; only one feature may set commands.others.`);
      others = feature;
    }
    for (const flow of feature.steps?.flows ?? []) claim(steps, flow, feature, `The step "${flow}"`);
  }
  for (const [prefix, owner] of prefixes) {
    for (const [id, feature] of ids) {
      if (id.startsWith(prefix) && feature !== owner) {
        throw new CompositionError(`Choice id "${id}" of "${feature.name}" starts with the prefix "${prefix}" of "${owner.name}". Rename the id or the prefix.`);
      }
    }
    for (const other of prefixes.keys()) {
      if (other !== prefix && other.startsWith(prefix)) throw new CompositionError(`Choice id prefixes "${prefix}" and "${other}" overlap. Rename one.`);
    }
  }
  const unowned = flows.filter((flow) => !steps.has(flow));
  if (unowned.length > 0) throw new CompositionError(`No feature asks again from the step(s) ${unowned.join(', ')}. Add them to a feature's steps.flows.`);
  return {
    features,
    choiceOwner: (id) => ids.get(id) ?? [...prefixes].find(([prefix]) => id.startsWith(prefix))?.[1],
    commandOwner: (name) => commands.get(name) ?? others,
    stepOwner: (flow) => steps.get(flow),
    choiceIds: [...ids.keys()],
  };
}
