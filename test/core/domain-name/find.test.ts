import { describe, expect, it } from 'vitest';
import { findDomain, findSuggestionRequest, isRegistrationClaim, isStopRequest } from '../../../src/core/domain-name/index.js';

describe('what a message says about domain names', () => {
  it('finds a typed domain, even one that breaks the rules', () => {
    expect(findDomain('tên miền nguyenvanan.id.vn còn trống không?')).toEqual({ typed: 'nguyenvanan.id.vn', track: 'id.vn' });
    expect(findDomain('shop mình là TapHoa.Biz.Vn.')).toEqual({ typed: 'TapHoa.biz.vn', track: 'biz.vn' });
    expect(findDomain('Nguyễn_An.id.vn nhé')).toEqual({ typed: 'Nguyễn_An.id.vn', track: 'id.vn' });
    expect(findDomain('id.vn là gì')).toBeUndefined();
  });

  it('a request for suggestions keeps the name as typed and guesses the track', () => {
    expect(findSuggestionRequest('gợi ý tên miền cho Nguyễn Văn An')).toEqual({ name: 'Nguyễn Văn An', track: 'id.vn' });
    expect(findSuggestionRequest('goi y ten mien cho Tạp hóa Minh Châu')).toEqual({ name: 'Tạp hóa Minh Châu', track: 'biz.vn' });
    expect(findSuggestionRequest('Gợi ý giúp mình tên miền biz.vn cho Minh Châu!')).toEqual({ name: 'Minh Châu', track: 'biz.vn' });
    expect(findSuggestionRequest('gợi ý tên miền')).toBeUndefined();
    expect(findSuggestionRequest('đặt tên miền thế nào')).toBeUndefined();
  });

  it('a registration claim, not a question about registering', () => {
    for (const yes of ['đã đăng ký', 'mình đăng ký xong rồi nguyenvanan.id.vn', 'da dk roi', 'em vừa đăng ký xong', 'I registered nguyenvanan.id.vn']) {
      expect(isRegistrationClaim(yes), yes).toBe(true);
    }
    for (const no of ['đã đăng ký chưa?', 'đăng ký rồi thì đổi tên được không', 'chưa đăng ký', 'em đã đăng ký hộ kinh doanh', 'đăng ký ở đâu']) {
      expect(isRegistrationClaim(no), no).toBe(false);
    }
  });

  it('"dừng" stops reminders; "đúng" and "dùng" do not', () => {
    for (const yes of ['dừng', 'Dừng lại!', 'stop', 'hủy nhắc', 'dung']) expect(isStopRequest(yes), yes).toBe(true);
    for (const no of ['đúng', 'dùng', 'dừng lại ở bước nào', 'không dừng']) expect(isStopRequest(no), no).toBe(false);
  });
});

describe('a request for suggestions without a name', () => {
  it('is recognised, with the track when said', async () => {
    const { findSuggestionAsk } = await import('../../../src/core/domain-name/index.js');
    expect(findSuggestionAsk('gợi ý tên miền')).toEqual({});
    expect(findSuggestionAsk('Gợi ý giúp mình tên miền biz.vn nhé')).toEqual({ track: 'biz.vn' });
    expect(findSuggestionAsk('suggest a domain')).toEqual({});
    expect(findSuggestionAsk('gợi ý tên miền cho Nguyễn Văn An')).toBeUndefined();
  });
});
