/**
 * i18next over `locales/<lang>/<file>.json`. Each file is a key prefix:
 * `locales/vi/idvn.json` holds the `idvn.*` keys. Vietnamese is the source
 * language and the fallback.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18nInstance } from 'i18next';
import type { Locale, Outgoing, Reply, Text } from './core/message.js';
import { LOCALES } from './core/message.js';

export type Translate = (locale: Locale, key: string, params?: Text['params']) => string;

export type I18n = {
  readonly t: Translate;
  readonly render: (replies: readonly Reply[], locale: Locale) => Outgoing[];
  readonly has: (key: string) => boolean;
};

type Tree = { [key: string]: string | Tree };

/** The forms of address every reply gets (core/features/address/address.ts) and the text each defaults to. */
const ADDRESS_DEFAULTS: Readonly<Record<string, string>> = {
  you: 'you_ban', You: 'You_ban', your: 'your_ban', me: 'me_minh', Me: 'Me_minh', who: 'you_ban', Who: 'You_ban',
};

export function defaultLocalesDir(): string {
  return new URL('../locales', import.meta.url).pathname;
}

export function readLocale(dir: string, locale: Locale): Tree {
  const folder = join(dir, locale);
  const tree: Tree = {};
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(folder, file);
    try {
      tree[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path, 'utf8')) as Tree;
    } catch (error) {
      throw new Error(`${path} is not valid JSON (${(error as Error).message}). Fix the file; every locale file must parse.`);
    }
  }
  return tree;
}

/** Every leaf key of a locale tree, dotted: `idvn.ask_birthdate`. */
export function flattenKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flattenKeys(value, `${prefix}${key}.`),
  );
}

/** Rendered fixed texts kept (a few thousand at most in practice); the cache starts over beyond. */
const MAX_FIXED_TEXTS = 10_000;

/**
 * What a params object renders from, when it holds only texts and numbers all the way
 * down; null otherwise. Params are immutable (Text is readonly), so each object's signature
 * is computed once: the forms of address every reply carries are one shared object.
 */
const signatures = new WeakMap<object, string | null>();

function signatureOf(params: NonNullable<Text['params']>): string | null {
  const known = signatures.get(params);
  if (known !== undefined) return known;
  let sig: string | null = '(';
  for (const name in params) {
    const value = params[name];
    if (typeof value === 'number') sig += `${name}=${value},`;
    else if (typeof value === 'object') {
      const nested = value.params === undefined ? '' : signatureOf(value.params);
      if (nested === null) {
        sig = null;
        break;
      }
      sig += `${name}=${value.key}${nested},`;
    } else {
      sig = null;
      break;
    }
  }
  if (sig !== null) sig += ')';
  signatures.set(params, sig);
  return sig;
}

/** An id for a text whose params are only texts and numbers, all the way down; undefined otherwise. */
function fixedId(prefix: string, params: NonNullable<Text['params']>): string | undefined {
  const sig = signatureOf(params);
  return sig === null ? undefined : prefix + sig;
}

export function createI18n(dir: string = defaultLocalesDir()): I18n {
  const instance: I18nInstance = i18next.createInstance();
  const resources = Object.fromEntries(LOCALES.map((lng) => [lng, { translation: readLocale(dir, lng) }]));
  void instance.init({
    initAsync: false,
    lng: 'vi',
    fallbackLng: 'vi',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    // A text rendered without the forms of address (issue #17, features/address/address.ts) says "bạn"/"mình".
    missingInterpolationHandler: (_text: string, match: RegExpExecArray, options: { lng?: string }) => {
      const name = match[1]?.trim() ?? '';
      const key = Object.hasOwn(ADDRESS_DEFAULTS, name) ? ADDRESS_DEFAULTS[name] : undefined;
      return key === undefined ? match[0] : t(options.lng === 'en' ? 'en' : 'vi', `address.${key}`);
    },
  });
  const keys = new Set(flattenKeys(readLocale(dir, 'vi')));

  // Texts made only of other texts and numbers (labels, prompts, every reply's forms of
  // address) are rendered on every turn: remember them. A text with a string param (a date,
  // a name someone typed) is rendered each time and never kept.
  const fixed = new Map<string, string>();
  const t: Translate = (locale, key, params) => {
    const id = params === undefined ? `${locale}\u0000${key}` : fixedId(`${locale}\u0000${key}`, params);
    const hit = id === undefined ? undefined : fixed.get(id);
    if (hit !== undefined) return hit;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params ?? {})) {
      values[name] = typeof value === 'object' ? t(locale, value.key, value.params) : value;
    }
    values['lng'] = locale;
    const rendered = instance.t(key, values);
    if (id !== undefined) {
      if (fixed.size >= MAX_FIXED_TEXTS) fixed.clear();
      fixed.set(id, rendered);
    }
    return rendered;
  };

  const render = (replies: readonly Reply[], locale: Locale): Outgoing[] =>
    replies.map((reply) => {
      const out: { -readonly [K in keyof Outgoing]: Outgoing[K] } = { text: t(locale, reply.text.key, reply.text.params) };
      if (reply.choices && reply.choices.length > 0) {
        out.choices = reply.choices.map((c) => ({ id: c.id, label: t(locale, c.label.key, c.label.params) }));
      }
      if (reply.attachment) {
        const { caption, ...rest } = reply.attachment;
        out.attachment = caption ? { ...rest, caption: t(locale, caption.key, caption.params) } : rest;
      }
      return out;
    });

  return { t, render, has: (key) => keys.has(key) };
}
