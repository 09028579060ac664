/** The conversation's language: /lang, the language buttons, and following the language people write in. */
import { parseCommand, type Feature } from '../../feature.js';
import { LANGUAGE } from './ids.js';
import { setLocale, switchLanguage } from './language.js';

const PREFIX = 'lang:';

export const language: Feature = {
  name: 'language',
  choices: {
    ids: Object.values(LANGUAGE),
    on: (turn, id) => {
      setLocale(turn, id.slice(PREFIX.length));
      return true;
    },
  },
  commands: {
    names: ['lang', 'language'],
    run: (turn, { text }) => {
      const command = parseCommand(text);
      if (command === undefined) return false;
      setLocale(turn, command.args);
      return true;
    },
  },
  anyStep: (turn, { text, understood }) => switchLanguage(turn, text, understood),
};
