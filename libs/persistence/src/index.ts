export * from './config';
export { createDataSource, dataSourceOptions, ENTITIES } from './data-source';
export * from './entities/journey-event.entity';
export * from './entities/journey.entity';
export * from './entities/pact-action.entity';
export * from './journey-projector';
export * from './journey-read-model';
export * from './read-model-rows';
export { MIGRATIONS } from './migrations';
