import { NOTICE_AUDIENCES, NOTICE_KINDS, type JourneyNotice } from '@sal/domain';
import { romeDate, romeDeadline, romeTime } from './rome-time';
import { renderNotice } from './templates';

function notice(overrides: Partial<JourneyNotice> = {}): JourneyNotice {
  return {
    key: 'jrn_0123456789abcdef0123456789abcdef:action_overdue:A1@2026-12-15T22:59:59.999Z:operator',
    journeyId: 'jrn_0123456789abcdef0123456789abcdef',
    officeId: 'CPI-TO-01',
    programmeCode: 'GOL-1',
    kind: 'action_overdue',
    audience: 'operator',
    operatorId: 'op-bianchi',
    beneficiary: { givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.org' },
    subject: { actionId: 'A1', actionDescription: 'Laboratorio di ricerca attiva', dueAt: '2026-12-15T22:59:59.999Z', overdueSince: '2026-12-15T23:00:00.000Z' },
    at: '2026-12-15T23:00:00.000Z',
    ...overrides,
  };
}

describe('Rome time', () => {
  it('formats dates and times on the Rome clock, whatever the server zone, across daylight saving time', () => {
    // 23:30 UTC on 14 December is already the 15th in Rome (UTC+1); 22:30 UTC on 14 July is 00:30 on the 15th (UTC+2).
    expect(romeDate('2026-12-14T23:30:00Z')).toBe('15/12/2026');
    expect(romeTime('2026-12-14T23:30:00Z')).toBe('00:30');
    expect(romeDate('2026-07-14T22:30:00Z')).toBe('15/07/2026');
    expect(romeTime('2026-07-14T22:30:00Z')).toBe('00:30');
    expect(romeTime('2026-03-05T08:05:00Z')).toBe('09:05');
  });

  it('says only the date of a deadline at the end of a Rome day, and the time of any other', () => {
    expect(romeDeadline('2026-12-15T22:59:59.999Z')).toBe('15/12/2026');
    expect(romeDeadline('2027-01-10T11:00:00Z')).toBe('10/01/2027 alle ore 12:00');
  });

  it('refuses what is not an instant', () => {
    expect(() => romeDate('15/12/2026')).toThrow(RangeError);
  });
});

describe('renderNotice', () => {
  it('reminds the person of a pact action by name, with the due date in Rome time', () => {
    const mail = renderNotice(notice({ kind: 'action_due_reminder', audience: 'beneficiary' }), null);
    expect(mail.subject).toBe("Promemoria: scadenza dell'azione «Laboratorio di ricerca attiva» il 15/12/2026");
    expect(mail.text).toMatch(/^Gentile Mario Rossi,\n\nLe ricordiamo che l'azione «Laboratorio di ricerca attiva», prevista dal Suo Patto di servizio personalizzato, scade il 15\/12\/2026\./);
    expect(mail.text).toContain('Cordiali saluti');
    // The person's message does not carry internal ids.
    expect(mail.text).not.toContain('jrn_');
    expect(mail.text).not.toContain('op-bianchi');
  });

  it('tells the operator which journey, person, programme and office, greeting them by name', () => {
    const mail = renderNotice(notice(), 'Anna Verdi');
    expect(mail.subject).toBe('Azione scaduta: «Laboratorio di ricerca attiva» di Mario Rossi');
    expect(mail.text).toMatch(/^Gentile Anna Verdi,\n\nl'azione «Laboratorio di ricerca attiva» \(A1\) del Patto di servizio personalizzato di Mario Rossi è scaduta il 15\/12\/2026/);
    for (const line of ['Percorso: jrn_0123456789abcdef0123456789abcdef', 'Beneficiario: Mario Rossi', 'Programma: GOL-1', 'Ufficio: CPI-TO-01', 'Operatore responsabile: op-bianchi']) {
      expect(mail.text).toContain(line);
    }
  });

  it("tells supervisors it is an escalation for their office", () => {
    const mail = renderNotice(notice({ kind: 'action_overdue_escalation', audience: 'supervisor' }), 'Paola Neri');
    expect(mail.subject).toBe('Segnalazione: azione «Laboratorio di ricerca attiva» di Mario Rossi ancora scaduta');
    expect(mail.text).toContain("Questa segnalazione è inviata ai responsabili dell'ufficio CPI-TO-01.");
  });

  it('says the time of a deadline that is not the end of a day', () => {
    const mail = renderNotice(notice({ kind: 'contact_missed', audience: 'beneficiary', subject: { contactDueAt: '2027-01-10T11:00:00Z' } }), null);
    expect(mail.text).toContain('atteso entro il 10/01/2027 alle ore 12:00');
  });

  it("tells the operator the benefit ended, on which day and why, and how many proposed steps wait for a decision", () => {
    const mail = renderNotice(
      notice({ kind: 'benefit_ended', subject: { benefitKind: 'naspi', benefitDate: '2026-12-15', benefitReason: 'exhausted', proposedStepCount: 2 } }),
      'Anna Verdi',
    );
    expect(mail.subject).toBe('Prestazione cessata: NASpI di Mario Rossi');
    expect(mail.text).toContain('la NASpI di Mario Rossi risulta cessata dal 15/12/2026 (esaurimento della durata).');
    expect(mail.text).toContain('Restano da decidere 2 misure proposte prima della cessazione');
    const suspended = renderNotice(notice({ kind: 'benefit_suspended', subject: { benefitKind: 'dis_coll', benefitDate: '2026-12-01', benefitReason: 'short_employment' } }), 'Anna Verdi');
    expect(suspended.text).toContain('la DIS-COLL di Mario Rossi risulta sospesa dal 01/12/2026 (rapporto di lavoro subordinato fino a sei mesi).');
    expect(suspended.text).not.toContain('Restano da decidere');
  });

  it('words every kind for every audience: one-line subject, greeting, the deadline, no placeholder left', () => {
    const subject = {
      actionId: 'A2',
      actionDescription: 'Corso',
      dueAt: '2026-12-15T22:59:59.999Z',
      contactDueAt: '2026-12-20T22:59:59.999Z',
      pactDeadlineAt: '2026-12-01T22:59:59.999Z',
      firstContactDueAt: '2026-12-02T22:59:59.999Z',
      appointmentId: 'AP1',
      appointmentAt: '2026-12-10T09:00:00.000Z',
      service: 'second_level_interview' as const,
      channel: 'in_person' as const,
      location: 'CPI Torino',
      justificationDueAt: '2026-12-11T22:59:59.999Z',
      stepId: 'S1',
      ladder: 'appointments' as const,
      effect: 'quarter_month_cut' as const,
      appealDueAt: '2026-12-31T22:59:59.999Z',
    };
    for (const kind of NOTICE_KINDS) {
      for (const audience of NOTICE_AUDIENCES) {
        const mail = renderNotice(notice({ kind, audience, subject }), audience === 'beneficiary' ? null : 'Anna Verdi');
        expect(mail.subject).not.toMatch(/[\r\n]|undefined|\bnull\b|\$\{/);
        expect(mail.text).not.toMatch(/undefined|\bnull\b|\$\{/);
        expect(mail.text.startsWith(audience === 'beneficiary' ? 'Gentile Mario Rossi,' : 'Gentile Anna Verdi,')).toBe(true);
        expect(mail.text).toMatch(/\d{2}\/\d{2}\/2026/);
      }
    }
  });

  it('words an appointment with its time, place and service, and a sanction with its appeal deadline', () => {
    const appointment = renderNotice(
      notice({ kind: 'appointment_scheduled', audience: 'beneficiary', subject: { appointmentAt: '2026-12-10T09:00:00.000Z', service: 'skills_assessment', channel: 'in_person', location: 'CPI Torino, via Bologna 153' } }),
      null,
    );
    expect(appointment.subject).toBe('Appuntamento fissato il 10/12/2026 alle ore 10:00');
    expect(appointment.text).toContain('per il bilancio delle competenze il 10/12/2026 alle ore 10:00, presso CPI Torino, via Bologna 153.');
    const byPhone = renderNotice(notice({ kind: 'appointment_reminder', audience: 'beneficiary', subject: { appointmentAt: '2026-12-10T09:00:00.000Z', service: 'tutoring', channel: 'phone', location: null } }), null);
    expect(byPhone.text).toContain('il 10/12/2026 alle ore 10:00, per telefono.');
    const sanction = renderNotice(
      notice({ kind: 'conditionality_step_confirmed', audience: 'beneficiary', subject: { ladder: 'appointments', effect: 'one_month_cut', appealDueAt: '2027-01-10T22:59:59.999Z' } }),
      null,
    );
    expect(sanction.text).toContain('decurtazione di una mensilità della prestazione');
    expect(sanction.text).toContain('ricorso entro il 10/01/2027');
    expect(sanction.text).toContain('Il ricorso si presenta a: Ministero del lavoro e delle politiche sociali.');
  });

  it('art. 21 c.12 D.lgs. 150/2015: a sanction not yet notified has its appeal window from the notification, and names the body the notice gives', () => {
    const sanction = renderNotice(
      notice({ kind: 'conditionality_step_confirmed', audience: 'beneficiary', subject: { ladder: 'appointments', effect: 'decadenza', appealDueAt: null, appealBody: 'Regione competente' } }),
      null,
    );
    expect(sanction.text).toContain('decorrono dalla notifica del provvedimento');
    expect(sanction.text).toContain('Il ricorso si presenta a: Regione competente.');
  });

  it('keeps free text on one line and shortens a long action description in the subject only', () => {
    const description = `Colloquio\r\ndi orientamento ${'molto '.repeat(30)}approfondito`;
    const mail = renderNotice(notice({ subject: { actionId: 'A1', actionDescription: description, dueAt: '2026-12-15T22:59:59.999Z' } }), 'Anna\nVerdi');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('…»');
    expect(mail.text).toContain('approfondito»');
    expect(mail.text.startsWith('Gentile Anna Verdi,')).toBe(true);
  });

  it('greets staff generically when the directory had no name (a message kept as undeliverable)', () => {
    expect(renderNotice(notice(), null).text.startsWith('Buongiorno,')).toBe(true);
  });
});
