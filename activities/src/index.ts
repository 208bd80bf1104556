export * from './journey-activities';
export * from './pact-document-pdf';
