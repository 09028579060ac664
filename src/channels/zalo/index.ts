/** The Zalo channel's public surface, for src/main.ts and src/cli. */
export { createZaloChannel, ZALO_DEFAULTS, type ZaloChannel, type ZaloChannelDeps } from './zalo-channel.js';
export { runZaloLogin, ZaloLoginError, type ZaloLoginOptions } from './login.js';
export { readZaloSession, writeZaloSession, ZaloSessionError, ZALO_LOGIN_COMMAND } from './session-file.js';
export { connectZalo, createZaloConnector, type ZaloApi, type ZaloConnect, type ZaloCredentials } from './zalo-api.js';
export type { ZaloLog, ZaloStatus } from './zalo-status.js';
