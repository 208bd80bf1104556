export * from './holidays';
export * from './office-calendar';
