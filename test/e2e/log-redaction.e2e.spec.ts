import { notedPersonalData, processLogs, testLogDir } from '../support/personal-data-ledger';

/**
 * Runs last (test/support/sequencer.cjs): every API and worker process the e2e suite started wrote its whole output to
 * the run's log folder, and every fiscal code, name, e-mail and phone the tests sent the API was noted. No log line may
 * hold any of them, nor anything shaped like a fiscal code or an e-mail address (issue 11: the worker once repeated a
 * person's fiscal code and name on every retry of a failing projection).
 */

/** A 16-character fiscal code, omocodia letters allowed in the digit places. */
const FISCAL_CODE = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('logs of the whole e2e run hold no personal data', () => {
  const dir = testLogDir();

  it('the run kept the logs of the product processes it started, and the personal data its tests sent', () => {
    expect(dir).not.toBeNull();
    const logs = processLogs(dir!);
    // Every e2e file starts an API and a worker (in the whole run, dozens): a run without them would prove nothing.
    expect(logs.filter((l) => l.file.startsWith('api-')).length).toBeGreaterThanOrEqual(1);
    expect(logs.filter((l) => l.file.startsWith('worker-')).length).toBeGreaterThanOrEqual(1);
    expect(logs.reduce((n, l) => n + l.lines.length, 0)).toBeGreaterThan(5);
    expect(notedPersonalData(dir!).size).toBeGreaterThan(3);
  });

  it('no line names a fiscal code, a name, an e-mail address or a phone number', () => {
    const personal = [...notedPersonalData(dir!)];
    const exact = personal.length > 0 ? new RegExp(`(^|[^\\p{L}\\p{N}])(${personal.map(escape).join('|')})($|[^\\p{L}\\p{N}])`, 'u') : null;
    const leaks: string[] = [];
    for (const { file, lines } of processLogs(dir!)) {
      lines.forEach((line, i) => {
        const what = FISCAL_CODE.test(line) ? 'a fiscal code' : EMAIL.test(line) ? 'an e-mail address' : exact?.test(line) ? 'personal data a test sent' : null;
        // The leak is named by file and line, not repeated: the test's own output is a log too.
        if (what) leaks.push(`${file}:${i + 1}: ${what}`);
      });
    }
    expect(leaks).toEqual([]);
  });
});
