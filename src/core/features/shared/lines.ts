/** Several texts shown as one message, one per line (texts nest: `common.lines` is "{{first}}\n{{rest}}"). */
import { text, type Text } from '../../message.js';

export function joinLines(lines: readonly Text[]): Text {
  let joined: Text | undefined;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i];
    if (line === undefined) continue;
    joined = joined === undefined ? line : text('domain.lines', { first: line, rest: joined });
  }
  return joined ?? text('domain.lines_empty');
}
