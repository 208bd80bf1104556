export * from './journey-activities';
export * from './retention-activities';
