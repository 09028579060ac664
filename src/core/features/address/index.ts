/**
 * Forms of address (issue #17): every message says how the person speaks ("bác hỏi cho cháu");
 * the session keeps it and every reply gets the matching words (addressReplies, in engine.ts).
 */
import type { Feature } from '../../feature.js';
import { aboutSelf, noteAddress, readPerson } from './address.js';

export const address: Feature = {
  name: 'address',
  anyStep: (turn, { text, understood }) => {
    const person = readPerson(text);
    turn.session = noteAddress(turn.session, person, aboutSelf(understood, person));
    return false;
  },
};
