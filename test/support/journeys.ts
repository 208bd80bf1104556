import { fiscalCodeCheckCharacter } from '@sal/domain';

/**
 * A valid fiscal code that no other test uses: random letters for the name parts and a random day, with the check
 * character computed. Test data only; it names nobody real on purpose (place code Z999 is not assigned).
 */
export function randomFiscalCode(): string {
  const letters = () => Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const year = String(Math.floor(Math.random() * 60) + 40);
  const first15 = `${letters()}${letters()}${year}C${day}Z999`;
  return first15 + fiscalCodeCheckCharacter(first15);
}

/** An ISO instant `seconds` from now. */
export function inSeconds(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString();
}

/**
 * A DID date `daysAgo` days before today on Rome's calendar (yesterday by default): recent, so the legal first-contact
 * clock (30 days from the DID in GOL) has not run out when a test starts the journey. A fixed date rots: '2026-11-02'
 * made every GOL journey started after 2 December miss its first contact at once, adding an event the tests did not expect.
 */
export function recentDidDate(daysAgo = 1): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() - daysAgo * 86_400_000));
}
