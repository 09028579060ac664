/** Choice ids of "Thông tin có hữu ích không?" (👍/👎) and its comment categories. */
export const FEEDBACK = {
  up: 'fb:up',
  down: 'fb:down',
  unclear: 'fb:unclear',
  missing: 'fb:missing',
  notMine: 'fb:notmine',
  skip: 'fb:skip',
} as const;
