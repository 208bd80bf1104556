import type { JourneyCommand } from '../journey/commands';
import { accept, awaitingPactJourney, OP, refuse, run, signPact } from '../journey/journey.test-fixture';
import { conditionalityRegime, italianDate, italianFrequency, pactDocumentContent, pactDocumentText } from './content';

/**
 * The pact's document (issue 19): every element of art. 20 c.2–3 D.lgs. 150/2015 in Italian, the conditionality of
 * art. 21 that applies to the person (the ladder only for a NASpI / DIS-COLL recipient), the appeal, the signatures.
 */

const SIGNED_AT = '2026-03-04T09:00:00.000Z';
type SignPact = Extract<JourneyCommand, { type: 'SignPact' }>;

function waitingPact(over: Partial<SignPact> = {}, benefit: 'naspi' | null = 'naspi') {
  const { acceptance: _a, ...command } = signPact() as SignPact;
  void _a;
  const start = benefit ? {} : { benefit: null };
  return run(awaitingPactJourney(start), { ...command, contactFrequency: 'P30D', ...over }, SIGNED_AT);
}

const textOf = (state: ReturnType<typeof waitingPact>, version = 1) => pactDocumentText(pactDocumentContent(state, version)).join('\n');

describe('the pact document: the parties and the minimum content of art. 20 c.2', () => {
  const text = textOf(waitingPact());

  it('names the person, the fiscal code, the office and the DID', () => {
    expect(text).toContain('Beneficiario: Mario Rossi');
    expect(text).toContain('Codice fiscale: RSSMRA80A01H501U');
    expect(text).toContain('Centro per l’impiego: CPI-TO-01');
    expect(text).toContain('Data della DID: 02/03/2026');
  });

  it('states the responsible operator, the profiling class, the contact frequency and how job search is proven', () => {
    expect(text).toContain(`a) Responsabile delle attività: ${OP}`);
    expect(text).toContain('b) Classe di profilazione: media');
    expect(text).toContain('d) Frequenza dei contatti: Contatto con il responsabile delle attività ogni 30 giorni');
    expect(text).toContain('e) Come si dimostra la ricerca attiva: Monthly report of applications sent');
  });

  it('lists every action with its kind in Italian and its due date in Rome', () => {
    expect(text).toContain('A1 · Atto di ricerca attiva di lavoro: Send five applications — entro il 30/06/2026');
    expect(text).toContain('A2 · Laboratorio di ricerca attiva: CV workshop — entro il 15/07/2026');
  });

  it('states the availability of art. 20 c.3 for workshops, training and suitable offers', () => {
    const t = textOf(waitingPact({ availability: { workshops: true, training: false, suitableOffers: true } }));
    expect(t).toContain('a) Laboratori e iniziative di ricerca attiva e orientamento: Sì');
    expect(t).toContain('b) Formazione, riqualificazione o altra politica attiva: No');
    expect(t).toContain('c) Accettazione di offerte di lavoro congrue (art. 25): Sì');
  });

  it('lists the referrals the version agrees, or says there are none', () => {
    expect(text).toContain('Nessun invio ad altri servizi.');
    const referred = textOf(waitingPact({ referrals: [{ to: 'training_body', organisation: 'CIOFS Piemonte', reason: 'Corso per carrellisti' }] }));
    expect(referred).toContain('R1 · ente di formazione: CIOFS Piemonte — Corso per carrellisti');
  });

  it('has a space for the signatures of the person and of the responsible operator', () => {
    expect(pactDocumentContent(waitingPact(), 1).signatures).toEqual([
      { role: 'Il beneficiario', name: 'Mario Rossi' },
      { role: 'Il responsabile delle attività', name: OP },
    ]);
  });

  it('keeps personal data out of the metadata', () => {
    const { metadata } = pactDocumentContent(waitingPact(), 1);
    expect(JSON.stringify(metadata)).not.toMatch(/Rossi|RSSMRA/);
    expect(metadata.createdAt).toBe(SIGNED_AT);
  });

  it('a version that does not exist is an error for the caller to avoid', () => {
    expect(() => pactDocumentContent(waitingPact(), 2)).toThrow('no version 2');
  });
});

describe('the pact document: conditionality (art. 21) and appeal', () => {
  it('a NASpI recipient reads the three ladders of art. 21 c.7 with their sanctions, and the appeal', () => {
    const state = waitingPact();
    expect(conditionalityRegime(state, state.pactVersions[0])).toBe('benefit_recipient');
    const text = textOf(state);
    expect(text).toContain('percepisce la prestazione NASpI');
    expect(text).toMatch(/alle convocazioni.*la prima volta: decurtazione di un quarto di una mensilità della prestazione; la seconda volta: decurtazione di una mensilità della prestazione; la terza volta: decadenza/);
    expect(text).toMatch(/formazione, riqualificazione.*la prima volta: decurtazione di una mensilità della prestazione; la seconda volta: decadenza/);
    expect(text).toMatch(/offerta di lavoro congrua.*: decadenza dalla prestazione e dallo stato di disoccupazione\./);
    expect(text).toContain('ricorso entro 30 giorni dalla sua notifica');
    expect(text).toContain('Ministero del lavoro e delle politiche sociali');
    expect(text).toContain('entro due giorni lavorativi');
  });

  it('a person without a benefit is told the sanctions of art. 21 c.7 do not apply, and still how to appeal', () => {
    const state = waitingPact({}, null);
    expect(conditionalityRegime(state, state.pactVersions[0])).toBe('not_recipient');
    const text = textOf(state);
    expect(text).toContain('non risulta percettore di NASpI o DIS-COLL');
    expect(text).not.toContain('decurtazione di un quarto');
    expect(text).toContain('ricorso entro 30 giorni');
  });
});

describe('the pact document: an amended version', () => {
  it('states the reason of the amendment and its own actions and date', () => {
    const accepted = run(waitingPact(), { type: 'AcceptPactVersion', version: 1, method: 'otp', operatorId: OP }, '2026-03-05T09:00:00.000Z');
    const amended = run(accepted, { type: 'AmendPact', operatorId: OP, reason: 'Corso di formazione da aprile', addActions: [{ kind: 'training', description: 'Corso di saldatura', dueDate: '2026-09-30' }] }, '2026-03-20T10:00:00.000Z');
    const text = textOf(amended, 2);
    expect(text).toContain('Versione 2 del 20/03/2026');
    expect(text).toContain('Motivo della modifica: Corso di formazione da aprile');
    expect(text).toContain('A3 · Formazione o riqualificazione: Corso di saldatura — entro il 30/09/2026');
  });
});

describe('formatting in Italian', () => {
  it('dates in Rome, DD/MM/YYYY (an instant late on 31 March UTC is 1 April in Rome)', () => {
    expect(italianDate('2026-03-31T22:30:00.000Z')).toBe('01/04/2026');
  });
  it('contact frequencies in words', () => {
    expect(italianFrequency('P30D')).toBe('ogni 30 giorni');
    expect(italianFrequency('P1M')).toBe('ogni mese');
    expect(italianFrequency('P2W')).toBe('ogni 2 settimane');
    expect(italianFrequency('P1W')).toBe('ogni settimana');
    expect(italianFrequency('P1M15D')).toBe('secondo la durata P1M15D');
  });
});

describe('acceptance by signed copy: the journey keeps the uploaded copy’s id and hash', () => {
  const copy = { documentId: '0b3f8c1e-6a0d-4c1e-9f55-3d2a1b0c9e8f', sha256: 'a'.repeat(64) };

  it('accepted with the copy: in force, the acceptance names the copy', () => {
    const s = run(waitingPact(), { type: 'AcceptPactVersion', version: 1, method: 'signed_copy', signedCopy: copy, operatorId: OP }, '2026-03-05T09:00:00.000Z');
    expect(s.pactVersions[0]).toMatchObject({ inForce: true, acceptance: { method: 'signed_copy', signedCopy: copy } });
  });

  it('signed_copy without a copy is refused, pointing at the upload', () => {
    expect(refuse(waitingPact(), { type: 'AcceptPactVersion', version: 1, method: 'signed_copy', operatorId: OP }, '2026-03-05T09:00:00.000Z')).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'signedCopy',
      message: expect.stringContaining('/signed'),
    });
  });

  it('a malformed hash, or a copy named with another method, is refused', () => {
    const at = '2026-03-05T09:00:00.000Z';
    expect(refuse(waitingPact(), { type: 'AcceptPactVersion', version: 1, method: 'signed_copy', signedCopy: { ...copy, sha256: 'xyz' }, operatorId: OP }, at)).toMatchObject({ field: 'signedCopy.sha256' });
    expect(refuse(waitingPact(), { type: 'AcceptPactVersion', version: 1, method: 'otp', signedCopy: copy, operatorId: OP }, at)).toMatchObject({ field: 'signedCopy' });
  });

  it('a pact cannot be signed as accepted by signed copy: the copy comes after the document', () => {
    const { acceptance: _a, ...command } = signPact() as SignPact;
    void _a;
    expect(refuse(awaitingPactJourney(), { ...command, acceptance: { method: 'signed_copy' } }, SIGNED_AT)).toMatchObject({ code: 'INVALID_VALUE', field: 'acceptance.signedCopy' });
    expect(accept(awaitingPactJourney(), { ...command, acceptance: { method: 'otp' } }, SIGNED_AT)).toHaveLength(1);
  });
});
