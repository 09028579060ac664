/** The policy's numbers come from data/program.json `rules` (issue #11); RULES.md's are the defaults. */
import { describe, expect, it } from 'vitest';
import { checkEligibility, DEFAULT_RULES, type EligibilityRules } from '../../../src/core/eligibility/index.js';
import { loadProgram, parseProgram } from '../../../src/data.js';
import { createTestApp } from '../../support/app.js';
import { conversation } from '../../support/conversation.js';

const WINDOW = { start: '2023-06-01', end: '2030-12-31' };
const TODAY = '2026-11-23';
const WIDER: EligibilityRules = { idvnMinAge: 16, idvnMaxAge: 30, bizvnEnterpriseYears: 2 };

describe('eligibility rules from data', () => {
  it('the data file carries RULES.md numbers, and checks without rules use them', () => {
    expect(loadProgram().rules).toEqual(DEFAULT_RULES);
    expect(DEFAULT_RULES).toEqual({ idvnMinAge: 18, idvnMaxAge: 23, bizvnEnterpriseYears: 1 });
    expect(checkEligibility({ track: 'id.vn', age: 17 }, TODAY, WINDOW)).toMatchObject({ reason: 'idvn_under_18' });
  });

  it('other ages and another enterprise window change the outcome and the last day', () => {
    expect(checkEligibility({ track: 'id.vn', age: 17 }, TODAY, WINDOW, WIDER)).toMatchObject({ outcome: 'eligible' });
    expect(checkEligibility({ track: 'id.vn', age: 30 }, TODAY, WINDOW, WIDER)).toMatchObject({ outcome: 'eligible' });
    expect(checkEligibility({ track: 'id.vn', age: 31 }, TODAY, WINDOW, WIDER)).toMatchObject({ reason: 'idvn_over_23' });
    expect(checkEligibility({ track: 'id.vn', birthDate: '2000-05-10' }, TODAY, WINDOW, WIDER)).toMatchObject({ outcome: 'eligible', until: '2031-05-09' });
    expect(checkEligibility({ track: 'id.vn', birthDate: '2010-12-01' }, TODAY, WINDOW, WIDER)).toMatchObject({ reason: 'idvn_under_18', from: '2026-12-01' });
    expect(checkEligibility({ track: 'id.vn', birthYear: 2010 }, TODAY, WINDOW, WIDER)).toMatchObject({ outcome: 'undetermined' });
    expect(checkEligibility({ track: 'biz.vn', businessType: 'enterprise', establishedDate: '2025-01-10' }, TODAY, WINDOW, WIDER)).toMatchObject({ outcome: 'eligible', until: '2027-01-10' });
  });

  it('a bad rules section stops start-up with the field', () => {
    const raw = { ...loadProgram(), rules: { idvnMinAge: 25, idvnMaxAge: 23, bizvnEnterpriseYears: 1 } };
    expect(() => parseProgram(raw)).toThrow(/rules: idvnMinAge must not be above idvnMaxAge/);
    const { rules: _omitted, ...withoutRules } = loadProgram();
    expect(parseProgram(withoutRules).rules).toEqual(DEFAULT_RULES);
  });

  it('a result says which rule it applied and cites the source; a data edit changes both', async () => {
    const chat = conversation();
    await chat.user('tôi 20 tuổi');
    // Issue #17: the rule and its source wait behind "Vì sao? / Nguồn" (offered once consent is answered), and name only this province's and ward's plans.
    await chat.choose('Đồng ý lưu');
    await chat.choose('Vì sao? / Nguồn');
    chat.expectBot('Quy tắc: id.vn miễn phí cho công dân Việt Nam từ đủ 18 tuổi đến trước sinh nhật 24 tuổi — Kế hoạch 276/KH-UBND ngày 22/10/2025 của UBND thành phố Hải Phòng; Kế hoạch của UBND phường Kiến An giai đoạn 2025–2026, QĐ 507/QĐ-BKHCN ngày 23/01/2026');

    const program = loadProgram();
    const edited = { ...program, rules: WIDER, sources: { ...program.sources, rules: 'Kế hoạch mới 2027' } };
    const other = conversation({ app: createTestApp({ program: edited }) });
    await other.user('tôi 17 tuổi');
    other.expectBot(/đủ điều kiện nhận tên miền id\.vn[\s\S]*trước sinh nhật 31 tuổi/);
    await other.choose('Không lưu');
    await other.choose('Vì sao? / Nguồn');
    other.expectBot('Quy tắc: id.vn miễn phí cho công dân Việt Nam từ đủ 16 tuổi đến trước sinh nhật 31 tuổi — Kế hoạch mới 2027, QĐ 507/QĐ-BKHCN ngày 23/01/2026');
    await other.user('/menu');
    await other.user('công ty thành lập 10/1/2025');
    other.expectBot(/10\/01\/2027 \(tròn 2 năm kể từ ngày thành lập\)/);
    await other.choose('Vì sao? / Nguồn');
    other.expectBot(/biz\.vn miễn phí cho doanh nghiệp đăng ký trong vòng 2 năm/);
  });
});
