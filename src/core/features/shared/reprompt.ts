/** Asks again whatever the current step is waiting for (each step's feature registers how: `steps.reask`). */
import type { Turn } from '../../turn.js';

export function reprompt(turn: Turn): void {
  turn.reask(turn);
}
