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
      return key === undefined ? match[0] : instance.t(`address.${key}`, { lng: options.lng ?? 'vi' });
    },
  });
  const keys = new Set(flattenKeys(readLocale(dir, 'vi')));

  // Texts without params (labels, prompts) are rendered on every turn: remember them.
  const plain = new Map<string, string>();
  const t: Translate = (locale, key, params) => {
    if (params === undefined) {
      const id = `${locale}\u0000${key}`;
      let hit = plain.get(id);
      if (hit === undefined) {
        hit = instance.t(key, { lng: locale });
        plain.set(id, hit);
      }
      return hit;
    }
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params ?? {})) {
      values[name] = typeof value === 'object' ? t(locale, value.key, value.params) : value;
    }
    return instance.t(key, { ...values, lng: locale });
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
