/**
 * What every turn ends with (issue #11), from the session before and after
 * it: an assisted result left without consent is counted, the assisted mode
 * ends outside its flows, a 👍/👎 left without a comment is kept, the
 * feedback question joins the menu after a result, and the funnel steps the
 * turn reached are counted.
 */
import { funnelWrites } from '../funnel.js';
import type { Session } from '../session.js';
import type { Turn } from '../turn.js';
import { settleAssisted } from '../features/assisted/assisted.js';
import { keepFeedback, scheduleFeedback } from '../features/feedback/feedback.js';

export function afterStep(previous: Session | undefined, turn: Turn): void {
  settleAssisted(previous, turn);
  keepFeedback(previous, turn);
  scheduleFeedback(previous, turn);
  turn.writes.push(...funnelWrites(previous, turn));
}
