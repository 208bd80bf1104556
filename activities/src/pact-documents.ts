import { pactDocumentContent, type JourneyEvent, type JourneyState } from '@sal/domain';
import type { PactDocuments } from '@sal/persistence';
import { PACT_DOCUMENT_MEDIA_TYPE, renderPactDocument } from './pact-document-pdf';

/**
 * The pact versions whose document these events call for: each version signed (`PactSigned`) or amended
 * (`PactAmended`), once. The document is what the person is asked to sign, so it is generated when the version is
 * proposed and never again (its hash stays the one the person signed).
 */
export function versionsToGenerate(events: readonly JourneyEvent[]): number[] {
  const versions = events.flatMap((e) => (e.type === 'PactSigned' || e.type === 'PactAmended' ? [e.data.version] : []));
  return [...new Set(versions)];
}

/** Renders and stores the documents of the versions these events sign or amend that have none yet. */
export async function generatePactDocuments(documents: PactDocuments, events: readonly JourneyEvent[], state: JourneyState): Promise<void> {
  const wanted = versionsToGenerate(events).filter((v) => state.pactVersions.some((p) => p.version === v));
  if (wanted.length === 0) return;
  const done = new Set(await documents.generatedVersions(state.journeyId));
  for (const version of wanted) {
    if (done.has(version)) continue;
    const pdf = await renderPactDocument(pactDocumentContent(state, version));
    await documents.storeGenerated(state.journeyId, version, pdf, PACT_DOCUMENT_MEDIA_TYPE);
  }
}
