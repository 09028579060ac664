/**
 * Reports count people, not repetitions (issue #18): a check counts only if
 * it is the person's first with that track and outcome in the period (the
 * earliest, ties by id). Ten "em 20 tuổi" from one person are one eligible
 * check in the report and in the referrer's credit; every check is still
 * stored and listed (export, /mydata). Anonymous checks (no address) cannot
 * be linked to anyone, so each counts. The same SQL runs on SQLite and
 * PostgreSQL; `from` is the period's first instant as a placeholder of the
 * dialect (`@from`, `$1`), or null for all time. The inner look-up walks the
 * person's own checks through the partial `checks_address` index.
 */
export function firstOfPerson(from: string | null, sameReferrer = false): string {
  const since = from === null ? '' : ` AND d.created_at >= ${from}`;
  const referrer = sameReferrer ? ' AND d.referrer = checks.referrer' : '';
  return `(checks.address IS NULL OR NOT EXISTS (
    SELECT 1 FROM checks d
    WHERE d.address = checks.address AND d.track = checks.track AND d.outcome = checks.outcome${referrer}${since}
      AND (d.created_at < checks.created_at OR (d.created_at = checks.created_at AND d.id < checks.id))))`;
}
