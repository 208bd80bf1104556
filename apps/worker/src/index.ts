export * from './journey-worker';
export * from './settings';
export * from './data-key-rotation';
export * from './health-server';
