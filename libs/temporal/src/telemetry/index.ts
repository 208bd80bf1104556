export * from './settings';
export * from './request-id';
export * from './logger';
export * from './tracing';
export * from './metric-names';
