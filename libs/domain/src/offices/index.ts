export * from './model';
export * from './directory';
