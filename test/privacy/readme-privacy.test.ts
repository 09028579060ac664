/**
 * Issue #18, item 11: README's citizen privacy text said exports never hold
 * chat accounts, while the candidates list does. The text must match what
 * is stored and exported: checked here against a real run (what the
 * candidates export and the checks export contain, which tables keep a
 * consented person's address).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportChecks } from '../../src/cli/commands/export.js';
import { createTestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';
import { REPO } from '../support/run-cli.js';

function privacySection(language: 'Tiếng Việt' | 'English'): string {
  const readme = readFileSync(`${REPO}/README.md`, 'utf8');
  const privacy = readme.slice(readme.indexOf('## Quyền riêng tư — Privacy'));
  const body = privacy.slice(0, privacy.indexOf('\n## ', 5));
  const start = body.indexOf(`### ${language}`);
  const end = body.indexOf('\n### ', start + 5);
  return body.slice(start, end === -1 ? undefined : end);
}

describe("README's privacy text matches what is stored and exported (issue #18)", () => {
  it('the candidates list holds chat accounts, the checks export does not: the text says exactly that', async () => {
    const app = createTestApp({ admins: ['telegram:1001'] });
    const person = conversation({ app, user: 'hoa' });
    await person.user('em sinh ngày 15/3/2005');
    await person.choose('Đồng ý lưu');
    await person.choose('Nhắc mình + nhận tin mới');
    const candidates = (await app.replies({ from: 'telegram:1001', text: '/export candidates csv' }))[0]?.attachment;
    const candidatesText = new TextDecoder().decode(candidates?.data);
    expect(candidatesText).toContain(person.address); // what is exported
    expect(exportChecks(await app.store.records.listChecks(), 'csv')).not.toContain(person.address);
    const kept = ['people', 'followups', 'news_optins'].filter((t) => Number(app.store.db.prepare(`SELECT count(*) FROM ${t} WHERE address = ?`).pluck().get(person.address)) > 0);
    expect(kept).toEqual(['people', 'followups', 'news_optins']);
    app.close();

    const en = privacySection('English');
    expect(en).not.toMatch(/exports hold counts only[^.]*never chat accounts/);
    expect(en).toMatch(/candidates list[\s\S]{0,120}chat account[\s\S]{0,80}consented and are\s+eligible/);
    expect(en).toMatch(/reminders and news/);
    const vi = privacySection('Tiếng Việt');
    expect(vi).not.toMatch(/tệp xuất số liệu chỉ có số đếm[^.]*không có tài khoản chat\./);
    expect(vi).toMatch(/Danh sách đề xuất\s+tham gia Chương trình"\*\* có tài khoản chat/);
    expect(vi).toMatch(/lịch nhắc đăng ký và việc nhận tin mới/);
    // Deletion as it now works: gone from the file, backups at most 30 days, re-applied on restore.
    expect(en).toMatch(/Backups are kept at most 30 days/);
    expect(vi).toMatch(/Bản sao lưu được giữ tối đa 30 ngày/);
  });
});
