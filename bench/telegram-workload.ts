/**
 * The Telegram pipeline workload: the 16 text messages each chat sends
 * (bench/fixtures/idvn-scripts.ts), 125 different scripts reused in turn.
 */
import { telegramChatScript } from './fixtures/idvn-scripts.js';

export const SCRIPT_COUNT = 125;
export const SCRIPTS: readonly (readonly string[])[] = Array.from({ length: SCRIPT_COUNT }, (_, c) => telegramChatScript(c));
