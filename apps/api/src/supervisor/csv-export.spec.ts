import { csvField, csvLines, EXPORT_PAGE_SIZE, wantsCsv } from './csv-export';

describe('CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('CPI-TO-01')).toBe('CPI-TO-01');
    expect(csvField('Rossi, Mario')).toBe('"Rossi, Mario"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(['overdue_action', 'no_progress'])).toBe('overdue_action no_progress');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(false)).toBe('false');
  });

  it('reads every page until a short one and streams them after the header', async () => {
    const rows = Array.from({ length: EXPORT_PAGE_SIZE + 3 }, (_, i) => ({ id: `r${i}` }));
    const pagesRead: number[] = [];
    const lines = csvLines([{ header: 'id', value: (r: { id: string }) => r.id }], async (page, pageSize) => {
      pagesRead.push(page);
      return { items: rows.slice((page - 1) * pageSize, page * pageSize) };
    });
    const chunks: string[] = [];
    for await (const chunk of lines) chunks.push(chunk);
    const text = chunks.join('').split('\r\n');
    expect(text[0]).toBe('\uFEFFid');
    expect(text.slice(1, -1)).toEqual(rows.map((r) => r.id));
    expect(pagesRead).toEqual([1, 2]);
  });

  it('is asked for with Accept: text/csv', () => {
    expect(wantsCsv('text/csv')).toBe(true);
    expect(wantsCsv('application/json, text/csv;q=0.9')).toBe(true);
    expect(wantsCsv('application/json')).toBe(false);
    expect(wantsCsv(undefined)).toBe(false);
  });
});
