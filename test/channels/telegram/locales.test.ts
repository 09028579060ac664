import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/channels/telegram/commands.js';
import { defaultLocalesDir, flattenKeys, readLocale } from '../../../src/i18n.js';

const telegramKeys = (locale: 'vi' | 'en'): string[] =>
  flattenKeys(readLocale(defaultLocalesDir(), locale))
    .filter((key) => key.startsWith('telegram.'))
    .sort();

describe('locales/*/telegram.json', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(telegramKeys('en')).toEqual(telegramKeys('vi'));
  });

  it('has every key the adapter uses', () => {
    const used = [
      ...COMMANDS.map((command) => `telegram.commands.${command}`),
      'telegram.private_only',
      'telegram.open_private',
      'telegram.old_button',
      'telegram.error',
    ].sort();
    expect(telegramKeys('vi')).toEqual(used);
  });
});
