import { describe, expect, it } from 'vitest';
import { classify, dedupeKeys, mediaOf } from '../../../src/channels/zalo/inbound.js';
import { FakeZaloApi } from '../../fakes/fake-zalo-api.js';

describe('zca-js message → Input', () => {
  const fake = new FakeZaloApi(); // not started: building messages emits nothing

  it('a direct text becomes { from: "zalo:<threadId>", text } with the text untouched', () => {
    const inbound = classify(fake.userText('8800001', '  so 2 '), fake.ownId);
    expect(inbound).toMatchObject({ kind: 'direct', threadId: '8800001', input: { from: 'zalo:8800001', text: '  so 2 ' } });
  });

  it.each([
    ['chat.sticker', 'sticker'],
    ['chat.photo', 'photo'],
    ['chat.voice', 'voice'],
    ['chat.video.msg', 'video'],
    ['share.file', 'file'],
    ['chat.location.new', 'location'],
    ['chat.recommended', 'other'],
  ] as const)('%s becomes an empty text with meta.media "%s"', (msgType, media) => {
    const inbound = classify(fake.userMedia('8800002', msgType), fake.ownId);
    expect(inbound).toMatchObject({ kind: 'direct', input: { from: 'zalo:8800002', text: '', meta: { media } } });
    expect(mediaOf(msgType)).toBe(media);
  });

  it('the bot’s own messages (uidFrom "0" → isSelf) are marked self', () => {
    const own = fake.selfText('8800003', 'hello');
    expect(own.isSelf).toBe(true);
    expect(classify(own, fake.ownId)).toEqual({ kind: 'self' });
  });

  it('group messages are marked group, with the group as thread', () => {
    expect(classify(fake.groupText('g-77', '8800004', 'kiem tra id.vn'), fake.ownId)).toEqual({ kind: 'group', groupId: 'g-77' });
  });

  it('dedupe keys: the global msgId, and cliMsgId scoped to the thread', () => {
    const message = fake.userText('8800005', 'hi', { msgId: '123', cliMsgId: '456' });
    expect(dedupeKeys(message)).toEqual(['m:123', 'c:8800005:456']);
  });
});
