export * from './clock';
export * from './model';
