/** The text of `npm run cli -- --help`: every command and its contract in one screen. */
export const HELP = `Usage: npm run --silent cli -- <command> [options]

Commands:
  chat --jsonl            Chat over JSON lines on stdin/stdout: {"user":"u1","text":"..."} or
                          {"user":"u1","choice":"<id>"} in, {"user":"u1","messages":[...]} out.
  chat                    Chat in the terminal (same as npm start without tokens).
  check                   Eligibility from JSON lines, e.g. {"track":"id.vn","birthDate":"2004-03-15"}.
  classify                Intent and entities from JSON lines, e.g. {"text":"em 19t co dc dk ko"}.
  export [--format json|csv] [--out FILE]
                          Every stored check: channel, track, outcome, reason, referrer, locality, createdAt,
                          assisted (entered by a helper in person), helper (credited helper without a code).
  export --registrations [--format json|csv] [--out FILE]
                          Every recorded registration: channel, track, referrer, locality, source, createdAt.
  export --report quarterly [--quarter 2026-Q4] [--format xlsx|csv] [--out FILE]
                          The team's quarterly report ("Kết quả, số lượng đăng ký thực hiện"), Vietnamese headings.
  export --report candidates [--quarter 2026-Q4] [--format xlsx|csv] [--out FILE]
                          "Danh sách đề xuất tham gia Chương trình": consented, eligible people (no birth dates, no IDs).
  stats --quarter 2026-Q4 Breakdowns of a quarter: track/outcome, reason, locality, channel, referrer.
  export --report renewals [--quarter 2027-Q1] [--format xlsx|csv] [--out FILE]
                          Domains whose free period ends in that quarter (consented people only, no birth dates)
                          and renewals people reported in it, per track and locality.
  export --report funnel [--format json|csv] [--out FILE]
                          The funnel: day, step, track, count (anonymous; how far people get in the bot).
  stats                   A summary of stored checks by track and outcome, with registrations ("registered"),
                          assisted checks and the 👍/👎 feedback.
  stats --funnel          The same, plus the funnel: started → track chosen → question answered → result
                          shown → next steps opened → registration reported, and where people drop off.
  broadcast --dry-run [--track id.vn|biz.vn] [--locality X]
                          Count the people who opted in to news and match; nothing is sent.
  broadcast --text "..." [--track …] [--locality …]
                          Queue an announcement; the running bot delivers it within the rate limit.
  broadcast --report      Delivered / failed / pending of the last broadcast.
  zalo-login              Log the bot's Zalo account in: saves a QR image to scan with the bot's phone,
                          then stores the login at ZALO_SESSION_PATH (mode 0600).
  zalo-oa-login [--redirect-uri URL]
                          Connect the Zalo Official Account: prints the permission URL (OAuth v4, PKCE), reads the
                          code (or the whole callback address) on stdin, stores the tokens in the database.
                          Needs ZALO_OA_APP_ID and ZALO_OA_APP_SECRET.
  zalo-oa-login --refresh-token TOKEN
                          The same from a refresh token obtained elsewhere (it is used up and replaced).
  backup <file>           Online copy of the SQLite database (safe while the bot runs), checked with integrity_check.
  restore <file>          Replace the database with a backup. Stop the bot first; refuses while it runs.
  purge                   Apply RETENTION_DAYS now: delete people and sessions inactive longer than that,
                          anonymise older checks; prints the counts (the bot also does this daily).
  --help                  This text.

Every command honours DATABASE_PATH (default data/bot.sqlite), or DATABASE_URL (PostgreSQL) when set;
with DATABASE_URL, backup and restore refuse: use pg_dump / pg_restore. See README.md.`;
