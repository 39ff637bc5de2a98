/**
 * The app's wire protocol, shared by the server, the browser, the benches and the tests: every
 * socket event's payload and ack (zod, types derived), and every error code.
 */
export * from './codes';
export * from './common';
export * from './errors';
export * from './events';
export * from './room';
export * from './solo';
export * from './views';
