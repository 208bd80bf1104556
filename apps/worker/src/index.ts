export * from './journey-worker';
