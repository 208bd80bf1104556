export * from './journey-worker';
export * from './settings';
