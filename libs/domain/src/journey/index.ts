export * from './model';
export * from './commands';
export * from './refusals';
export * from './evolve';
export * from './decide';
export * from './deadlines';
export * from './notices';
export * from './view';
