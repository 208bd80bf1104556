export * from './journey-activities';
export * from './retention-activities';
export * from './pact-document-pdf';
