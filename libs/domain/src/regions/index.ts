export * from './regions';
export * from './catalogue-scope';
