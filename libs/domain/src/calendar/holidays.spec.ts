import { addWorkingDays, easterSunday, isItalianPublicHoliday, isWorkingDay, italianPublicHolidays, nextWorkingDay } from './holidays';

const DAY_MS = 86_400_000;

/** Every date from `from` to `to` inclusive (YYYY-MM-DD), on the UTC calendar. */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Easter by a different algorithm (Oudin's, 1940, as given by Tøndering), to cross-check Meeus's. */
function oudinEaster(year: number): string {
  const g = year % 19;
  const c = Math.floor(year / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (year + Math.floor(year / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  const day = l + 28 - 31 * Math.floor(month / 4);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const INVALID_DATES = [
  '2026-02-29', // not a leap year
  '1900-02-29', // century, not divisible by 400
  '2026-02-30',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '2026-01-32',
  '2026-1-01',
  '26-01-01',
  '2026/01/01',
  '2026-01-01T00:00:00Z',
  ' 2026-01-01',
  '',
  'tomorrow',
  '1582-12-31', // before the first supported year
  '0000-01-01',
  '+10000-01-01',
];

describe('easterSunday', () => {
  it.each([
    [1943, '1943-04-25'], // latest possible
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible
    [2285, '2285-03-22'], // earliest possible
    [1818, '1818-03-22'], // earliest possible
    [1583, '1583-04-10'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
  ])('is on the right day in %i', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('is a Sunday from 22 March to 25 April in every supported year, and agrees with an independent algorithm', () => {
    const wrong: string[] = [];
    for (let year = 1583; year <= 9999; year += 1) {
      const easter = easterSunday(year);
      const inRange = easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25';
      if (easter !== oudinEaster(year) || weekday(easter) !== 0 || !inRange) wrong.push(easter);
    }
    expect(wrong).toEqual([]);
  });

  it.each([1582, 10000, 0, -2026, 2026.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the year %p', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('italianPublicHolidays', () => {
  it('lists the twelve national holidays of 2025, without 4 October', () => {
    expect(italianPublicHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Capodanno' },
      { date: '2025-01-06', name: 'Epifania' },
      { date: '2025-04-20', name: 'Pasqua' },
      { date: '2025-04-21', name: "Lunedì dell'Angelo" },
      { date: '2025-04-25', name: 'Festa della Liberazione' },
      { date: '2025-05-01', name: 'Festa del Lavoro' },
      { date: '2025-06-02', name: 'Festa della Repubblica' },
      { date: '2025-08-15', name: 'Ferragosto' },
      { date: '2025-11-01', name: 'Ognissanti' },
      { date: '2025-12-08', name: 'Immacolata Concezione' },
      { date: '2025-12-25', name: 'Natale' },
      { date: '2025-12-26', name: 'Santo Stefano' },
    ]);
  });

  it('lists thirteen from 2026, with San Francesco on 4 October (Legge n. 151/2025)', () => {
    expect(italianPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Capodanno' },
      { date: '2026-01-06', name: 'Epifania' },
      { date: '2026-04-05', name: 'Pasqua' },
      { date: '2026-04-06', name: "Lunedì dell'Angelo" },
      { date: '2026-04-25', name: 'Festa della Liberazione' },
      { date: '2026-05-01', name: 'Festa del Lavoro' },
      { date: '2026-06-02', name: 'Festa della Repubblica' },
      { date: '2026-08-15', name: 'Ferragosto' },
      { date: '2026-10-04', name: "San Francesco d'Assisi patrono d'Italia" },
      { date: '2026-11-01', name: 'Ognissanti' },
      { date: '2026-12-08', name: 'Immacolata Concezione' },
      { date: '2026-12-25', name: 'Natale' },
      { date: '2026-12-26', name: 'Santo Stefano' },
    ]);
  });

  it('puts Easter among the fixed dates when it falls early (2027: Easter on 28 March)', () => {
    expect(italianPublicHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-28',
      '2027-03-29',
      '2027-04-25',
      '2027-05-01',
      '2027-06-02',
      '2027-08-15',
      '2027-10-04',
      '2027-11-01',
      '2027-12-08',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('keeps both holidays when Easter Sunday or Monday falls on 25 April', () => {
    expect(italianPublicHolidays(2038).filter((h) => h.date === '2038-04-25')).toEqual([
      { date: '2038-04-25', name: 'Pasqua' },
      { date: '2038-04-25', name: 'Festa della Liberazione' },
    ]);
    expect(italianPublicHolidays(2011).filter((h) => h.date === '2011-04-25')).toEqual([
      { date: '2011-04-25', name: "Lunedì dell'Angelo" },
      { date: '2011-04-25', name: 'Festa della Liberazione' },
    ]);
  });

  it('is sorted by date and within its year, with 12 holidays before 2026 and 13 from 2026, in every supported year', () => {
    const wrong: number[] = [];
    for (let year = 1583; year <= 9999; year += 1) {
      const dates = italianPublicHolidays(year).map((h) => h.date);
      const sorted = dates.every((d, i) => i === 0 || dates[i - 1] <= d);
      if (dates.length !== (year < 2026 ? 12 : 13) || !sorted || !dates.every((d) => d.startsWith(`${year}-`))) wrong.push(year);
    }
    expect(wrong).toEqual([]);
  });

  it('returns a new array on every call', () => {
    const first = italianPublicHolidays(2026);
    first.length = 0;
    expect(italianPublicHolidays(2026)).toHaveLength(13);
  });

  it.each([1582, 10000, 2026.5, Number.NaN])('refuses the year %p', (year) => {
    expect(() => italianPublicHolidays(year)).toThrow(RangeError);
    expect(() => italianPublicHolidays(year)).toThrow(/year must be an integer from 1583 to 9999/);
  });
});

describe('isItalianPublicHoliday', () => {
  it.each(['2026-01-01', '2026-01-06', '2026-04-05', '2026-04-06', '2026-04-25', '2026-05-01', '2026-06-02', '2026-08-15', '2026-11-01', '2026-12-08', '2026-12-25', '2026-12-26'])(
    'is true on %s',
    (date) => {
      expect(isItalianPublicHoliday(date)).toBe(true);
    },
  );

  it('has Easter Monday as a holiday but not the Tuesday after it', () => {
    expect(isItalianPublicHoliday('2026-04-06')).toBe(true);
    expect(isItalianPublicHoliday('2026-04-07')).toBe(false);
    expect(isItalianPublicHoliday('2025-04-21')).toBe(true);
    expect(isItalianPublicHoliday('2025-04-22')).toBe(false);
  });

  it('has 4 October as a holiday from 2026 only', () => {
    expect(isItalianPublicHoliday('2024-10-04')).toBe(false);
    expect(isItalianPublicHoliday('2025-10-04')).toBe(false);
    expect(isItalianPublicHoliday('2026-10-04')).toBe(true);
    expect(isItalianPublicHoliday('2027-10-04')).toBe(true);
    expect(isItalianPublicHoliday('2100-10-04')).toBe(true);
  });

  it.each(['2026-01-02', '2026-03-19', '2026-06-29', '2026-11-04', '2026-12-07', '2026-12-24', '2026-12-31', '2026-03-07'])(
    'is false on %s (an ordinary day, a weekend or a local patron-saint day)',
    (date) => {
      expect(isItalianPublicHoliday(date)).toBe(false);
    },
  );

  it('agrees with italianPublicHolidays on every day of 2020–2030', () => {
    const wrong: string[] = [];
    for (let year = 2020; year <= 2030; year += 1) {
      const holidays = new Set(italianPublicHolidays(year).map((h) => h.date));
      for (const date of datesBetween(`${year}-01-01`, `${year}-12-31`)) if (isItalianPublicHoliday(date) !== holidays.has(date)) wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it.each(INVALID_DATES)('refuses %p', (date) => {
    expect(() => isItalianPublicHoliday(date)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('is true Monday to Friday on ordinary days', () => {
    expect(datesBetween('2026-03-09', '2026-03-13').map(isWorkingDay)).toEqual([true, true, true, true, true]);
  });

  it('is false on Saturdays and Sundays', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2024-02-24')).toBe(false); // Saturday
    expect(isWorkingDay('2024-02-25')).toBe(false); // Sunday
  });

  it('is false on a holiday that falls on a weekday', () => {
    expect(isWorkingDay('2026-06-02')).toBe(false); // Tuesday, Festa della Repubblica
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2025-04-25')).toBe(false); // Friday, Liberazione
    expect(isWorkingDay('2027-10-04')).toBe(false); // Monday, San Francesco
  });

  it('is true on 4 October before 2026 and on days that are holidays only locally', () => {
    expect(isWorkingDay('2024-10-04')).toBe(true); // Friday
    expect(isWorkingDay('2026-06-29')).toBe(true); // Monday, Santi Pietro e Paolo (Rome only)
    expect(isWorkingDay('2026-12-07')).toBe(true); // Monday, Sant'Ambrogio (Milan only)
    expect(isWorkingDay('2026-12-24')).toBe(true); // Thursday, Christmas Eve
  });

  it('counts the working days of whole years', () => {
    const count = (year: number) => datesBetween(`${year}-01-01`, `${year}-12-31`).filter(isWorkingDay).length;
    // 2025: 261 weekdays less 10 holidays on weekdays (1/1, 6/1, 21/4, 25/4, 1/5, 2/6, 15/8, 8/12, 25/12, 26/12).
    expect(count(2025)).toBe(251);
    // 2026: 261 weekdays less 7 (1/1, 6/1, 6/4, 1/5, 2/6, 8/12, 25/12); 25/4, 15/8, 26/12 are Saturdays, 4/10 and 1/11 Sundays.
    expect(count(2026)).toBe(254);
  });

  it.each(INVALID_DATES)('refuses %p', (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('returns the date unchanged for n = 0, even on a non-working day', () => {
    expect(addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07'); // Saturday
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
  });

  it('counts from the day after', () => {
    expect(addWorkingDays('2026-03-10', 1)).toBe('2026-03-11');
    expect(addWorkingDays('2026-03-09', 4)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday: Monday
  });

  it('skips the weekend', () => {
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Friday → Monday
    expect(addWorkingDays('2026-03-12', 2)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-09', 10)).toBe('2026-03-23');
  });

  it('skips Easter Monday', () => {
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07'); // Friday → Tuesday
    expect(addWorkingDays('2026-04-04', 1)).toBe('2026-04-07'); // Holy Saturday → Tuesday
    expect(addWorkingDays('2025-04-18', 1)).toBe('2025-04-22');
  });

  it('handles the 25 April long weekends', () => {
    // 2025: Easter Monday 21 April, Liberazione on Friday 25 April.
    expect(addWorkingDays('2025-04-24', 1)).toBe('2025-04-28');
    expect(addWorkingDays('2025-04-17', 5)).toBe('2025-04-28'); // 18, 22, 23, 24, 28
    // 2026: 25 April is a Saturday, so Friday 24 April is followed by Monday 27 April.
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-27');
  });

  it('skips a holiday in the middle of the week', () => {
    expect(addWorkingDays('2026-06-01', 1)).toBe('2026-06-03'); // Festa della Repubblica on Tuesday
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-04'); // Festa del Lavoro on Friday
  });

  it('skips San Francesco from 2026 only', () => {
    expect(addWorkingDays('2027-10-01', 1)).toBe('2027-10-05'); // Friday → Tuesday, 4 October 2027 is a Monday
    expect(addWorkingDays('2024-10-03', 1)).toBe('2024-10-04'); // a Friday, still a working day in 2024
  });

  it('crosses Christmas, Santo Stefano, New Year and Epifania', () => {
    // 2025: Christmas Thursday, Santo Stefano Friday, New Year Thursday, Epifania Tuesday.
    expect(addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
    expect(addWorkingDays('2025-12-24', 4)).toBe('2026-01-02'); // 29, 30, 31, 2
    expect(addWorkingDays('2025-12-24', 5)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-24', 6)).toBe('2026-01-07');
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    // 2026: Christmas Friday, Santo Stefano Saturday, New Year 2027 Friday, Epifania Wednesday.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-05', 1)).toBe('2027-01-07');
  });

  it('counts a long span: 254 working days take 2026-01-01 to the last working day of 2026', () => {
    expect(addWorkingDays('2025-12-31', 254)).toBe('2026-12-31');
    expect(addWorkingDays('2025-12-31', 255)).toBe('2027-01-04');
  });

  it('goes up to the last supported date and refuses to go past it', () => {
    expect(addWorkingDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addWorkingDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('9999-12-31', 1)).toThrow(/after 9999-12-31/);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_VALUE])('refuses n = %p', (n) => {
    expect(() => addWorkingDays('2026-03-10', n)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-10', n)).toThrow(/non-negative integer/);
  });

  it.each(INVALID_DATES)('refuses the date %p', (date) => {
    expect(() => addWorkingDays(date, 1)).toThrow(RangeError);
    expect(() => addWorkingDays(date, 0)).toThrow(RangeError);
  });

  it('says what is wrong with a bad date', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow('not a real calendar date: 2026-02-30');
    expect(() => addWorkingDays('30/01/2026', 1)).toThrow('expected a date written YYYY-MM-DD, got "30/01/2026"');
    expect(() => addWorkingDays('1500-01-01', 1)).toThrow('date 1500-01-01 is outside the supported years 1583 to 9999');
  });

  it('for every day of 2020–2030, one working day later is the next working day strictly after it', () => {
    const wrong: string[] = [];
    for (const date of datesBetween('2020-01-01', '2030-12-31')) {
      const next = addWorkingDays(date, 1);
      if (!(next > date) || !isWorkingDay(next)) wrong.push(`${date} → ${next}`);
      for (let between = nextDay(date); between < next; between = nextDay(between)) {
        if (isWorkingDay(between)) wrong.push(`${date} → ${next} skips the working day ${between}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('for every day of 2020–2030, n working days is one working day n times', () => {
    const wrong: string[] = [];
    for (const date of datesBetween('2020-01-01', '2030-12-31')) {
      let stepped = date;
      for (let n = 1; n <= 5; n += 1) {
        stepped = addWorkingDays(stepped, 1);
        if (addWorkingDays(date, n) !== stepped) wrong.push(`${date} + ${n}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('nextWorkingDay', () => {
  it('returns a working day itself', () => {
    expect(nextWorkingDay('2026-03-10')).toBe('2026-03-10');
    expect(nextWorkingDay('2024-10-04')).toBe('2024-10-04');
    expect(nextWorkingDay('9999-12-31')).toBe('9999-12-31');
  });

  it('moves a weekend to the Monday', () => {
    expect(nextWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(nextWorkingDay('2026-03-08')).toBe('2026-03-09');
  });

  it('moves past holidays next to a weekend', () => {
    expect(nextWorkingDay('2026-04-04')).toBe('2026-04-07'); // Holy Saturday → Tuesday after Easter Monday
    expect(nextWorkingDay('2025-12-25')).toBe('2025-12-29');
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-28');
    expect(nextWorkingDay('2027-01-01')).toBe('2027-01-04');
    expect(nextWorkingDay('2027-10-02')).toBe('2027-10-05'); // Saturday, Sunday, San Francesco on Monday
  });

  it('for every day of 2020–2030, is the day itself when it is a working day and one working day later otherwise', () => {
    const wrong = datesBetween('2020-01-01', '2030-12-31').filter((date) => nextWorkingDay(date) !== (isWorkingDay(date) ? date : addWorkingDays(date, 1)));
    expect(wrong).toEqual([]);
  });

  it.each(INVALID_DATES)('refuses %p', (date) => {
    expect(() => nextWorkingDay(date)).toThrow(RangeError);
  });
});
