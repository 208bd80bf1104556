/** Instants as the people of an Italian office read them: Rome's calendar and clock, whatever the server's zone. */

const ROME = 'Europe/Rome';

const DATE = new Intl.DateTimeFormat('it-IT', { timeZone: ROME, day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('it-IT', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `15/12/2026` */
export function romeDate(iso: string): string {
  return DATE.format(instant(iso));
}

/** `09:30` */
export function romeTime(iso: string): string {
  return TIME.format(instant(iso));
}

/**
 * A deadline in words: a bare due date falls due at the end of that day in Rome, so only the date is said
 * (`15/12/2026`); any other time is said too (`10/01/2027 alle ore 12:00`).
 */
export function romeDeadline(iso: string): string {
  const time = romeTime(iso);
  return time === '23:59' ? romeDate(iso) : `${romeDate(iso)} alle ore ${time}`;
}

function instant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return date;
}
