export * from './temporal-config';
export * from './journey-id';
export * from './search-attributes';
export * from './payload-codec';
export * from './data-keys';
export * from './keys-env';
export * from './telemetry';
