import { readFileSync } from 'node:fs';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { expect, expectAccessible, screenshots, test } from './support/fixtures';
import { signInAsDeveloper } from './support/sign-in';

/**
 * Bulk intake in the console (issue 19): an operator downloads the template, uploads a CSV with good rows, a fiscal
 * code whose check character is wrong and a person twice, reads the verdicts with their lines and reasons, runs the
 * import, watches the progress reach the end, downloads the report (the refused rows with their lines) and sees a file
 * that is not a CSV refused with the API's reason. Real API, worker, Temporal and PostgreSQL.
 */
test.describe('the import screen', () => {
  const suffix = uniqueSuffix().toUpperCase();
  const office = `CPI-IM-${suffix}`;
  const operator = `op-im-${suffix.toLowerCase()}`;
  const good = [randomFiscalCode(), randomFiscalCode(), randomFiscalCode()];
  const badCf = (() => {
    const code = randomFiscalCode();
    return code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A');
  })();
  const header = 'codice_fiscale;nome;cognome;email;telefono;data_did;prestazione;data_domanda_prestazione;programma;ufficio';
  const row = (cf: string, name: string) => `${cf};${name};Rossi${suffix.slice(-4)};;;2026-01-15;;;GOL-1;${office}`;
  // Lines: 2-4 good, 5 a bad check character, 6 the person of line 2 again.
  const csv = [header, row(good[0], 'Anna'), row(good[1], 'Bruno'), row(good[2], 'Carla'), row(badCf, 'Dario'), row(good[0], 'Anna')].join('\r\n') + '\r\n';

  test('template, preview with verdicts, run with progress, report of refused rows; a file that is not a CSV shows its reason', async ({ page }) => {
    await signInAsDeveloper(page, { offices: office, sub: operator });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Importa elenchi' }).click();
    await expect(page.getByRole('heading', { name: 'Importazione di elenchi', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Importazione di elenchi – Servizi al Lavoro');
    await expectAccessible(page);

    // The template: the documented header line.
    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica il modello CSV' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toBe('modello-presa-in-carico.csv');
    expect(readFileSync((await template.path())!, 'utf8').split('\r\n')[0]).toBe(header);

    // A file that is not a CSV or XLSX (a PNG's bytes, named .csv): the API's 400 and its reason, nothing staged.
    // The file is chosen with the catalogue's own button (the browser's file chooser behind it).
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('group', { name: 'File dell’elenco (CSV o XLSX)' }).getByRole('button', { name: 'Scegli il file…' }).click();
      await (await chooser).setFiles(file);
      await expect(page.getByTestId('import-chosen')).toHaveText(`File scelto: ${file.name}`);
    };
    await choose({ name: 'elenco.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]) });
    await page.getByRole('button', { name: 'Carica e mostra l’anteprima' }).click();
    const error = page.getByTestId('import-error');
    await expect(error).toContainText('Il file è stato rifiutato.');
    await expect(error).toContainText(/CSV|XLSX/);
    await expect(page.getByTestId('import-counts')).toHaveCount(0);
    await expectAccessible(page);
    await screenshots(page, 'imports-bad-file');

    // The list: three good rows, a wrong check character, a person twice.
    await choose({ name: 'elenco-naspi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Carica e mostra l’anteprima' }).click();
    await expect(page.getByTestId('count-rows')).toHaveText('5');
    await expect(page.getByTestId('count-ok')).toHaveText('3');
    await expect(page.getByTestId('count-refused')).toHaveText('2');
    await expect(page.getByTestId('import-error')).toHaveCount(0);
    await expect(page.getByTestId('import-progress')).toHaveText('Anteprima pronta: nessun percorso è ancora stato avviato.');
    for (const line of [2, 3, 4]) await expect(page.getByTestId(`import-row-${line}`)).toContainText('Accettata');
    await expect(page.getByTestId('import-row-5')).toContainText('Scartata');
    // The reasons in Italian, from their stable codes.
    await expect(page.getByTestId('import-row-5')).toContainText('codice fiscale non valido');
    await expect(page.getByTestId('import-row-6')).toContainText('Scartata');
    await expect(page.getByTestId('import-row-6')).toContainText('stessa persona della riga 2');
    // No personal data in the URL: the batch stays in the page.
    expect(page.url()).toMatch(/\/console\/imports$/);
    await expectAccessible(page);
    await screenshots(page, 'imports-preview');

    // Run: the live region reaches the end.
    await page.getByRole('button', { name: 'Avvia l’importazione (3 righe)' }).click();
    const progress = page.getByRole('status').filter({ hasText: 'Importazione' });
    await expect(progress).toHaveText('Importazione terminata: 3 righe elaborate, 3 percorsi avviati, 0 rifiutate all’avvio.', { timeout: 120_000 });
    for (const line of [2, 3, 4]) await expect(page.getByTestId(`import-row-${line}`).getByRole('link', { name: 'Percorso avviato' })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'imports-finished');

    // The report: the refused rows with their line numbers and reasons.
    const reportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica il rapporto degli scarti (CSV)' }).click();
    const report = await reportDownload;
    expect(report.suggestedFilename()).toMatch(/^scarti-[0-9a-f-]{36}\.csv$/);
    const lines = readFileSync((await report.path())!, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toBe('riga;codice_fiscale;esito;codice_motivo;motivo;dettaglio');
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith(`5;${badCf};`)).toBe(true);
    expect(lines[1]).toContain('beneficiary.fiscalCode');
    expect(lines[2].startsWith(`6;${good[0]};`)).toBe(true);
    expect(lines[2]).toContain(';duplicate_in_file;stessa persona della riga 2;');

    // The earlier imports: after a reload (the batch was only in the page's state) the list still has it, and it opens.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Importazione di elenchi', level: 1 })).toBeVisible();
    await expect(page.getByTestId('import-counts')).toHaveCount(0);
    const past = page.getByTestId('imports-past');
    // The header and this list's batch: the refused PNG staged nothing, so it is no batch.
    await expect(past.getByRole('row')).toHaveCount(2);
    const finishedRow = past.getByRole('row').filter({ hasText: 'Terminata' });
    await expect(finishedRow).toHaveCount(1);
    await expect(finishedRow.getByRole('cell')).toHaveText([/\d{4}/, operator, 'Terminata', '5', '3', '2', '3', 'Apri']);
    await expectAccessible(page);
    await screenshots(page, 'imports-past');
    await finishedRow.getByRole('button', { name: /^Apri l’importazione caricata il / }).click();
    await expect(page.getByRole('heading', { name: 'Anteprima ed esito', level: 2 })).toBeFocused();
    await expect(page.getByTestId('count-ok')).toHaveText('3');
    await expect(page.getByRole('status').filter({ hasText: 'Importazione' })).toHaveText('Importazione terminata: 3 righe elaborate, 3 percorsi avviati, 0 rifiutate all’avvio.');

    // The started journeys' list.
    await page.getByRole('link', { name: 'Vai ai percorsi avviati' }).click();
    await expect(page.getByRole('heading', { name: 'I miei casi', level: 1 })).toBeVisible();
  });
});
