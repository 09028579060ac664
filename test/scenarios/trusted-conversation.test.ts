/**
 * Issue #17 (facts and answers): several questions in one message, people who want a person
 * or complain, English, and the person's own form of address. Clock: 2026-11-23.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/data.js';
import { createTestApp } from '../support/app.js';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

describe('several questions in one message', () => {
  it('"hết 2 năm thì sao, với lại có đổi tên miền được không" gets both answers, in order', async () => {
    chat = conversation();
    await chat.user('hết 2 năm thì sao, với lại có đổi tên miền được không');
    chat.expectBot('Bạn hỏi 2 ý');
    const texts = chat.last.map((m) => m.text);
    const fees = texts.findIndex((t) => /Sau 2 năm miễn phí/.test(t));
    const names = texts.findIndex((t) => /Không đổi được tên sau khi đăng ký/.test(t));
    expect(fees).toBeGreaterThan(0);
    expect(names).toBeGreaterThan(fees);
    expect(chat.text()).not.toMatch(/chưa chắc bạn hỏi về điều nào/);
  });

  it('typed without diacritics, joined by "va" and "?"', async () => {
    chat = conversation();
    await chat.user('can giay to gi? va sau 2 nam phi bao nhieu');
    chat.expectBot('Bạn hỏi 2 ý');
    chat.expectBot(/căn cước công dân/);
    chat.expectBot(/Sau 2 năm miễn phí/);
  });

  it('one question with a comma stays one answer', async () => {
    chat = conversation();
    await chat.user('cho mình hỏi, hết 2 năm thì sao');
    expect(chat.text()).not.toMatch(/hỏi 2 ý/);
    chat.expectBot(/Sau 2 năm miễn phí/);
  });
});

describe('people who want a person or complain', () => {
  it.each([
    ['bot ngu quá, cho tôi gặp người thật'],
    ['cho gặp nhân viên đi'],
    ['toi muon gap can bo'],
  ])('%s → the contacts at once, only the fields data/ fills', async (message) => {
    chat = conversation();
    await chat.user(message);
    chat.expectBot(/gặp trực tiếp cán bộ[\s\S]*Địa chỉ: Trung tâm phục vụ hành chính công phường/);
    expect(chat.text()).not.toMatch(/Điện thoại: —|—\n|ngoài phạm vi/);
  });

  it('"tôi muốn khiếu nại" / "phản ánh" are answered with an apology and the contacts', async () => {
    chat = conversation();
    await chat.user('tôi muốn khiếu nại');
    chat.expectBot(/rất tiếc vì bạn chưa hài lòng/);
    chat.expectBot(/Địa chỉ:/);
    expect(chat.text()).not.toMatch(/ngoài phạm vi|Điện thoại: —/);
    await chat.user('toi muon phan anh');
    chat.expectBot(/Địa chỉ:/);
  });

  it('a hotline filled in data/ is shown; "talk to a human" gets the English card', async () => {
    const program = loadProgram();
    const app = createTestApp({ program: { ...program, contacts: { ...program.contacts, hotline: '0225 3 123 456' } } });
    chat = conversation({ app });
    await chat.user('cho tôi gặp người thật');
    chat.expectBot('• Điện thoại: 0225 3 123 456');
    await chat.user('can I talk to a human please');
    chat.expectBot(/Phone: 0225 3 123 456[\s\S]*Address:/);
  });
});

describe('language follows the person', () => {
  it('"Hello, do you speak English?" switches to English and says how to switch back', async () => {
    chat = conversation();
    await chat.user('Hello, do you speak English?');
    chat.expectBot(/I'll answer in English[\s\S]*\/lang vi or "Tiếng Việt"/);
    chat.expectBot(/Hello!/);
    await chat.user("I'm 20 years old");
    chat.expectBot(/you qualify for a free id\.vn domain/);
    await chat.user('Tiếng Việt');
    chat.expectBot('Mình chuyển sang tiếng Việt');
    await chat.user('tôi 21 tuổi');
    chat.expectBot(/đủ điều kiện/);
  });

  it('a Vietnamese message with a few English words stays Vietnamese', async () => {
    chat = conversation();
    await chat.user('cho mình hỏi domain id.vn free không ad');
    expect(chat.text()).not.toMatch(/English/);
    await chat.user('em 20t, free domain ko');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn/);
  });
});

describe('the person\'s own form of address', () => {
  it('a "bác" asking for a grandson is "bác", the bot "cháu", and the result is about "cháu của bác"', async () => {
    chat = conversation();
    await chat.user('bác hỏi cho cháu, cháu bác năm nay 20 tuổi thì có được id.vn không');
    chat.expectBot(/Cháu của bác đủ điều kiện|cháu của bác đủ điều kiện/);
    chat.expectBot('Bác có đồng ý để cháu lưu kết quả này không?');
    expect(chat.text()).not.toMatch(/\bbạn đủ điều kiện|Bạn đủ điều kiện/);
  });

  it('step by step: "bác hỏi cho cháu" then "cháu 19 tuổi"', async () => {
    chat = conversation();
    await chat.user('Bác hỏi cho cháu với');
    chat.expectBot(/Cháu của bác sinh ngày nào\?/);
    await chat.user('cháu 19 tuổi');
    chat.expectBot(/cháu của bác đủ điều kiện/);
    chat.expectBot('Bác có đồng ý');
  });

  it('"chị 23 tuổi" is "chị"; "em 20 tuổi" stays "bạn"; "mình" stays "bạn"', async () => {
    chat = conversation();
    await chat.user('chị 23 tuổi, có được id.vn không em');
    chat.expectBot(/chị đủ điều kiện/);
    chat.expectBot('Chị có đồng ý để em lưu');
    const other = conversation({ user: 'em' });
    await other.user('em 20 tuổi');
    other.expectBot(/bạn đủ điều kiện/);
    other.app.close();
  });

  it('a mother asking for her son hears about "con của chị", and the English side stays "you"', async () => {
    chat = conversation();
    await chat.user('chị hỏi cho con trai, nó sinh năm 2006');
    chat.expectBot(/con của chị đủ điều kiện/);
    await chat.user('/lang en');
    await chat.user('/menu');
    await chat.user('my son was born in 2006');
    expect(chat.text()).not.toMatch(/con của/);
  });
});
