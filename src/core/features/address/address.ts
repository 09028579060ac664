/**
 * Forms of address (issue #17): the bot mirrors how the person speaks. "bác hỏi cho cháu" → the
 * bot calls them "bác" and itself "cháu", and speaks of "cháu của bác" in a result about the
 * grandchild. Every reply text gets `you`, `You`, `your`, `me`, `Me`, `who`, `Who` params (nested texts
 * from locales/<lang>/address.json; English keeps "you"). Kept in the session only.
 */
import type { Reply, Text } from '../../message.js';
import { text } from '../../message.js';
import type { SelfForm, Signals, Subject, Understanding } from '../../nlu/types.js';
import type { Session } from '../../session.js';
import { normalize } from '../../nlu/normalize.js';
import { findPerson } from '../../nlu/person.js';

/** The person's form → how the bot calls them and itself. */
const PAIRS: Readonly<Record<SelfForm, { you: string; me: string }>> = {
  bac: { you: 'bac', me: 'chau' },
  co: { you: 'co', me: 'chau' },
  chu: { you: 'chu', me: 'chau' },
  ong: { you: 'ong', me: 'chau' },
  ba: { you: 'ba', me: 'chau' },
  anh: { you: 'anh', me: 'em' },
  chi: { you: 'chi', me: 'em' },
  em: { you: 'ban', me: 'minh' },
  toi: { you: 'ban', me: 'minh' },
  minh: { you: 'ban', me: 'minh' },
  con: { you: 'ban', me: 'minh' },
  chau: { you: 'ban', me: 'minh' },
};

/** The pair for a session: "bạn"/"mình" unless the person showed another form. */
export function addressPair(self: SelfForm | undefined): { you: string; me: string } {
  return (self !== undefined && Object.hasOwn(PAIRS, self) ? PAIRS[self] : undefined) ?? { you: 'ban', me: 'minh' };
}

/** How the person speaks of themselves and whom they ask about, in this message. */
export function readPerson(text: string): Pick<Signals, 'selfForm' | 'subject'> {
  return findPerson(text, normalize(text).padded);
}

const ELDERS: ReadonlySet<SelfForm> = new Set(['bac', 'co', 'chu', 'ong', 'ba', 'anh', 'chi']);

/** The message gives the person's own age or birth date (not someone else's). */
export function aboutSelf(u: Understanding, s: Pick<Signals, 'selfForm' | 'subject'>): boolean {
  const e = u.entities;
  const fact = e.age !== undefined || e.birthYear !== undefined || e.birthDate !== undefined;
  return fact && s.subject === undefined && s.selfForm !== undefined && s.selfForm !== 'chau' && s.selfForm !== 'con';
}

/**
 * Remembers what this message shows. An elder who then writes "cháu 20 tuổi" speaks of the
 * grandchild, not of themselves; a subject is kept until a message gives the person's own age.
 */
export function noteAddress(session: Session, signals: Pick<Signals, 'selfForm' | 'subject'>, self: boolean): Session {
  const current = session.address ?? {};
  let form = signals.selfForm;
  let subject: Subject | undefined = signals.subject;
  if ((form === 'chau' || form === 'con') && current.self !== undefined && ELDERS.has(current.self)) {
    subject ??= form;
    form = undefined;
  }
  const next: { self?: SelfForm; subject?: Subject } = {};
  const keptSelf = form ?? current.self;
  const keptSubject = subject ?? (self ? undefined : current.subject);
  if (keptSelf === current.self && keptSubject === current.subject) return session;
  if (keptSelf !== undefined) next.self = keptSelf;
  if (keptSubject !== undefined) next.subject = keptSubject;
  return { ...session, address: next };
}

/** A handful of combinations of forms exist: their params are built once and shared (never modified). */
const paramsByForms = new Map<string, Readonly<Record<string, Text>>>();

export function addressParams(session: Session): Readonly<Record<string, Text>> {
  const { you, me } = addressPair(session.address?.self);
  // English keeps "you" throughout (issue #17): the person asked about is not named.
  const subject = session.locale === 'vi' ? session.address?.subject : undefined;
  const id = `${you} ${me} ${subject ?? ''}`;
  let params = paramsByForms.get(id);
  if (params === undefined) {
    params = buildAddressParams(you, me, subject);
    paramsByForms.set(id, params);
  }
  return params;
}

function buildAddressParams(you: string, me: string, subject: Subject | undefined): Readonly<Record<string, Text>> {
  const youText = text(`address.you_${you}`);
  return {
    you: youText,
    You: text(`address.You_${you}`),
    your: text(`address.your_${you}`),
    me: text(`address.me_${me}`),
    Me: text(`address.Me_${me}`),
    who: subject === undefined ? youText : text(`address.who_${subject}`, { you: youText }),
    Who: subject === undefined ? text(`address.You_${you}`) : text(`address.Who_${subject}`, { you: youText }),
  };
}

/** Texts without params of their own share one Text per key and forms (renderers may cache by identity). */
const sharedTexts = new WeakMap<object, Map<string, Text>>();

function withParams(t: Text, params: Readonly<Record<string, Text>>): Text {
  if (t.params === undefined) {
    let byKey = sharedTexts.get(params);
    if (byKey === undefined) {
      byKey = new Map();
      sharedTexts.set(params, byKey);
    }
    let shared = byKey.get(t.key);
    if (shared === undefined) {
      shared = { key: t.key, params };
      byKey.set(t.key, shared);
    }
    return shared;
  }
  const nested: Record<string, string | number | Text> = {};
  for (const [name, value] of Object.entries(t.params ?? {})) nested[name] = typeof value === 'object' ? withParams(value, params) : value;
  return { key: t.key, params: { ...params, ...nested } };
}

/**
 * Every reply with the session's forms of address as params (a text's own params win). With
 * the usual "bạn"/"mình" and nobody else asked about, the replies stay as they are: the
 * renderer fills exactly those forms into a text rendered without them (src/i18n.ts).
 */
export function addressReplies(replies: readonly Reply[], session: Session): Reply[] {
  const { you, me } = addressPair(session.address?.self);
  const subject = session.locale === 'vi' ? session.address?.subject : undefined;
  if (you === 'ban' && me === 'minh' && subject === undefined) return [...replies];
  const params = addressParams(session);
  return replies.map((reply) => ({ ...reply, text: withParams(reply.text, params) }));
}
