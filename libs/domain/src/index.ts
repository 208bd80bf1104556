export * from './fiscal-code';
export * from './dates';
export * from './clocks';
export * from './journey';
export * from './programme';
export * from './calendar';
export * from './text';
export * from './offices';
export { golPathOf, nextEpisodeStart } from './episodes';
