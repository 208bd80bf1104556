export * from './model';
export * from './directory';
export * from './scope';
