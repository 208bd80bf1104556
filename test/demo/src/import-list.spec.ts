import { checkFiscalCode } from '@sal/domain';
import { IMPORT_PEOPLE, makeImportList } from './import-list';

describe("the demo's import list", () => {
  const taken = new Set<string>();
  const list = makeImportList(19, '2026-12-02', taken);
  const lines = list.csv.split('\r\n').filter(Boolean).map((l) => l.split(';'));

  it('is the template header, the people, a person twice and a wrong check character, deterministically', () => {
    expect(makeImportList(19, '2026-12-02', taken).csv).toBe(list.csv);
    expect(makeImportList(20, '2026-12-02', taken).csv).not.toBe(list.csv);
    expect(lines[0]).toEqual(['codice_fiscale', 'nome', 'cognome', 'email', 'telefono', 'data_did', 'prestazione', 'data_domanda_prestazione', 'programma', 'ufficio']);
    expect([list.rows, lines.length - 1, list.people.length]).toEqual([IMPORT_PEOPLE + 2, IMPORT_PEOPLE + 2, IMPORT_PEOPLE]);
    // Lines 2..13: valid and distinct codes; line 14: line 3's person again; line 15: a code whose check character is wrong.
    const codes = lines.slice(1, IMPORT_PEOPLE + 1).map((cells) => cells[0]);
    expect(new Set(codes).size).toBe(IMPORT_PEOPLE);
    for (const code of codes) expect(checkFiscalCode(code).valid).toBe(true);
    expect(lines[IMPORT_PEOPLE + 1][0]).toBe(lines[2][0]);
    expect(checkFiscalCode(lines[IMPORT_PEOPLE + 2][0]).valid).toBe(false);
    expect(list.refusedLines).toEqual([{ line: 14, why: 'duplicate' }, { line: 15, why: 'check_character' }]);
    for (const cells of lines.slice(1)) {
      expect(cells.slice(6)).toEqual(['naspi', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'GOL', 'CPI-RM-01']);
      expect(cells[5] < '2026-12-02' && cells[7] < cells[5]).toBe(true);
    }
  });

  it("leaves out the plan's people", () => {
    const other = makeImportList(19, '2026-12-02', new Set(list.people.map((p) => p.fiscalCode)));
    for (const p of other.people) expect(list.people.map((q) => q.fiscalCode)).not.toContain(p.fiscalCode);
  });
});
