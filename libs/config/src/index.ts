export * from './env';
export * from './values';
export * from './deployment';
