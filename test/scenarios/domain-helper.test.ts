/**
 * The domain-name helper after an eligible result: suggestions from a full
 * name or a shop name (never stored), every naming rule explained, and the
 * availability check through the DomainAvailability port (a fake here).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import { conversation, type Conversation } from '../support/conversation.js';
import { FakeDomainAvailability } from '../fakes/fake-domain-availability.js';

let chat: Conversation;
afterEach(() => chat.app.close());

function everythingStored(c: Conversation): string {
  const db = c.app.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n') + c.app.logs.join('\n');
}

describe('domain-name helper', () => {
  it('after an eligible id.vn result: asks the full name, suggests names from it, checks them, stores none of it', async () => {
    const availability = new FakeDomainAvailability({ 'nguyenvanan.id.vn': 'taken' });
    chat = conversation({ app: createTestApp({ availability }) });
    await chat.user('mình 20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.choose('Không cần');
    chat.expectBot(/giúp gì thêm/).withChoices(['Gợi ý tên miền id.vn']);
    await chat.choose('Gợi ý tên miền id.vn');
    chat.expectBot(/họ và tên đầy đủ/);
    chat.expectBot(/không lưu lại/);

    await chat.user('Nguyễn Văn An');
    chat.expectBot(/gợi ý các tên miền id\.vn/);
    chat.expectBot('• nguyenvanan.id.vn: đã có người đăng ký');
    chat.expectBot('• vanan.id.vn: có thể còn trống');
    chat.expectBot('• an-nguyen.id.vn: có thể còn trống');
    chat.expectBot('• annguyen.id.vn: có thể còn trống');
    chat.expectBot(/kiểm tra chính xác tại https:\/\/tenmien\.vn/);
    // The closing prompt comes after the availability list.
    expect(chat.last.at(-1)?.text).toMatch(/gõ một tên khác/);
    expect(availability.asked).toEqual(['nguyenvanan.id.vn', 'vanan.id.vn', 'an-nguyen.id.vn', 'annguyen.id.vn', 'nguyen-van-an.id.vn']);

    const stored = everythingStored(chat);
    expect(stored).not.toMatch(/Nguy|nguyen|vanan/i);
  });

  it('a shop name asked for directly: biz.vn suggestions without the legal words', async () => {
    chat = conversation();
    await chat.user('gợi ý tên miền cho Tạp hóa Minh Châu');
    chat.expectBot(/gợi ý các tên miền biz\.vn/);
    chat.expectBot('• taphoaminhchau.biz.vn: có thể còn trống');
    chat.expectBot('• minhchau.biz.vn: có thể còn trống');
    chat.expectBot('• taphoa-minhchau.biz.vn: có thể còn trống');
    await chat.user('Công ty TNHH Hùng Phát');
    chat.expectBot('• hungphat.biz.vn');
    expect(everythingStored(chat)).not.toMatch(/minh ?chau|hung ?phat/i);
  });

  it('a biz.vn result, consent declined: the menu still offers biz.vn names', async () => {
    chat = conversation();
    await chat.user('hộ kinh doanh có giấy chứng nhận');
    await chat.choose('Không lưu');
    chat.expectBot(/không lưu thông tin/).withChoices(['Gợi ý tên miền biz.vn']);
    await chat.choose('Gợi ý tên miền biz.vn');
    chat.expectBot(/tên cửa hàng hoặc doanh nghiệp/);
  });

  it.each([
    ['nguyễnvănan', /chữ tiếng Việt có dấu \(ễ ă\)/],
    ['nguyen van an.id.vn', /Có dấu cách/],
    ['an.nguyen.id.vn', /Có dấu chấm/],
    ['an_nguyen!', /ký tự không được phép \(_ !\)/],
    ['-annguyen', /Bắt đầu bằng dấu gạch ngang/],
    ['annguyen-', /Kết thúc bằng dấu gạch ngang/],
    ['an--nguyen', /hai dấu gạch ngang liền nhau/],
    [`${'a'.repeat(64)}.id.vn`, /Quá dài: tên có 64 ký tự, tối đa là 63/],
    ['.id.vn', /Tên đang trống/],
  ])('the name "%s" is refused with the rule it breaks, in words', async (typed, rule) => {
    chat = conversation();
    await chat.user('gợi ý tên miền');
    await chat.choose('Gợi ý tên miền id.vn');
    await chat.user(typed);
    chat.expectBot(/chưa đúng quy tắc đặt tên miền/);
    chat.expectBot(rule);
  });

  it('every broken rule at once, each on its own line, with a fixed name — in English too', async () => {
    chat = conversation();
    await chat.user('/lang en');
    await chat.user('nguyễn_van--an-.id.vn is it free?');
    chat.expectBot(/doesn't follow the domain naming rules/);
    chat.expectBot(/Vietnamese letters with diacritics \(ễ\)/);
    chat.expectBot(/not allowed \(_\)/);
    chat.expectBot(/ends with a hyphen/);
    chat.expectBot(/two hyphens in a row/);
    chat.expectBot('You could use: nguyenvan-an.id.vn');
  });

  it('a valid typed name is checked; when DNS is unreachable it says so and links to WHOIS', async () => {
    chat = conversation({ app: createTestApp({ availability: new FakeDomainAvailability().unreachable() }) });
    await chat.user('tên miền annguyen.id.vn còn trống không');
    chat.expectBot(/annguyen\.id\.vn đúng quy tắc/);
    chat.expectBot('• annguyen.id.vn: mình chưa kiểm tra được');
    chat.expectBot(/Bạn kiểm tra tại https:\/\/tenmien\.vn/);
  });

  it('"probably available" in English', async () => {
    chat = conversation();
    await chat.user('/lang en');
    await chat.user('check minhchau.biz.vn');
    chat.expectBot('• minhchau.biz.vn: probably available');
    chat.expectBot(/check it for sure at https:\/\/tenmien\.vn/);
  });
});
