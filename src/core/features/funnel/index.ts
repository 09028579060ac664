/** The anonymous funnel (issue #11, src/core/funnel.ts): the steps each turn reached, counted after it. */
import type { Feature } from '../../feature.js';
import { funnelWrites } from '../../funnel.js';

export const funnel: Feature = {
  name: 'funnel',
  afterTurn: (previous, turn) => {
    turn.writes.push(...funnelWrites(previous, turn));
  },
};
