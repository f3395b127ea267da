import { addDays, elapsedFraction, parsePeriod, periodSeries, previousYear } from './periods';

const span = (id: string) => {
  const p = parsePeriod(id);
  return { kind: p.kind, start: p.start, end: p.end, year: p.year, basis: p.basis ?? 'CALENDAR' };
};
const codeAndField = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { extensions } = error as { extensions: { code: string; field: string } };
    return { code: extensions.code, field: extensions.field };
  }
  return null;
};

describe('parsePeriod: DHIS2 ids; `end` is the first day after the period', () => {
  test.each([
    ['2024', { kind: 'YEAR', start: '2024-01-01', end: '2025-01-01', year: 2024, basis: 'CALENDAR' }],
    ['2024Q3', { kind: 'QUARTER', start: '2024-07-01', end: '2024-10-01', year: 2024, basis: 'CALENDAR' }],
    ['2024S2', { kind: 'HALF_YEAR', start: '2024-07-01', end: '2025-01-01', year: 2024, basis: 'CALENDAR' }],
    ['2024M9', { kind: 'NINE_MONTHS', start: '2024-01-01', end: '2024-10-01', year: 2024, basis: 'CALENDAR' }],
    ['202402', { kind: 'MONTH', start: '2024-02-01', end: '2024-03-01', year: 2024, basis: 'CALENDAR' }],
    ['202412', { kind: 'MONTH', start: '2024-12-01', end: '2025-01-01', year: 2024, basis: 'CALENDAR' }],
    // The programme's cumulative span: five whole years, named by its last.
    ['2021-2025', { kind: 'MULTI_YEAR', start: '2021-01-01', end: '2026-01-01', year: 2025, basis: 'CALENDAR' }],
    // Decree 09/2019 art. 12 cut-off windows: 15th of the month before → 14th of the last month.
    ['2024Q3R', { kind: 'QUARTER', start: '2024-06-15', end: '2024-09-15', year: 2024, basis: 'REPORTING' }],
    ['2024Q1R', { kind: 'QUARTER', start: '2023-12-15', end: '2024-03-15', year: 2024, basis: 'REPORTING' }],
    ['2024S2R', { kind: 'HALF_YEAR', start: '2024-06-15', end: '2024-12-15', year: 2024, basis: 'REPORTING' }],
    ['2024M9R', { kind: 'NINE_MONTHS', start: '2023-12-15', end: '2024-09-15', year: 2024, basis: 'REPORTING' }],
    ['2024R', { kind: 'YEAR', start: '2023-12-15', end: '2024-12-15', year: 2024, basis: 'REPORTING' }],
    ['202403R', { kind: 'MONTH', start: '2024-02-15', end: '2024-03-15', year: 2024, basis: 'REPORTING' }],
  ])('%s', (id, expected) => {
    expect(span(id)).toEqual(expected);
  });

  test('surrounding spaces are ignored', () => {
    expect(parsePeriod(' 2024Q3 ').id).toBe('2024Q3');
  });

  test.each([['2024Q5'], ['2024-13'], ['202413'], ['1999'], ['2101'], ['2025-2021'], ['Q3 2024'], ['']])('%p is a BAD_USER_INPUT on the field', (id) => {
    expect(codeAndField(() => parsePeriod(id))).toEqual({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(codeAndField(() => parsePeriod(id, 'from'))).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});

describe('previousYear: the same period a year earlier (growth indicators)', () => {
  test.each([
    ['2024Q3', '2023Q3', '2023-07-01', '2023-10-01'],
    ['2024', '2023', '2023-01-01', '2024-01-01'],
    ['2021-2025', '2020-2024', '2020-01-01', '2025-01-01'],
  ])('%s → %s', (id, previous, start, end) => {
    expect(previousYear(parsePeriod(id))).toMatchObject({ id: previous, start, end, year: parsePeriod(id).year - 1 });
  });
});

describe('periodSeries: consecutive periods of one kind', () => {
  test('quarters across a year end', () => {
    expect(periodSeries('2024Q3', '2025Q2').map((p) => p.id)).toEqual(['2024Q3', '2024Q4', '2025Q1', '2025Q2']);
  });
  test('months across a year end', () => {
    expect(periodSeries('202411', '202502').map((p) => p.id)).toEqual(['202411', '202412', '202501', '202502']);
  });
  test('half years and cut-off windows', () => {
    expect(periodSeries('2024S1', '2025S1').map((p) => p.id)).toEqual(['2024S1', '2024S2', '2025S1']);
    expect(periodSeries('2024Q4R', '2025Q1R').map((p) => [p.id, p.start, p.end])).toEqual([
      ['2024Q4R', '2024-09-15', '2024-12-15'],
      ['2025Q1R', '2024-12-15', '2025-03-15'],
    ]);
  });
  test('one period when from = to', () => {
    expect(periodSeries('2024', '2024').map((p) => p.id)).toEqual(['2024']);
  });
  test.each([
    ['2024Q1', '2024', 'to'], // different kinds
    ['2024Q1', '2024Q1R', 'to'], // different bases
    ['2021-2025', '2021-2025', 'from'], // multi-year spans make no series
    ['2025Q1', '2024Q4', 'to'], // backwards
    ['200001', '202101', 'to'], // 253 months: over the cap of 240
  ])('%s..%s is refused on %s', (from, to, field) => {
    expect(codeAndField(() => periodSeries(from, to))).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('elapsedFraction and addDays', () => {
  const year2024 = parsePeriod('2024');
  test('0 before the period, 1 from its end on', () => {
    expect(elapsedFraction(year2024, '2023-12-31')).toBe(0);
    expect(elapsedFraction(year2024, '2024-01-01')).toBe(0);
    expect(elapsedFraction(year2024, '2025-01-01')).toBe(1);
  });
  test('1 July 2024: 182 of 366 days (31+29+31+30+31+30, a leap year)', () => {
    expect(elapsedFraction(year2024, '2024-07-01')).toBeCloseTo(182 / 366, 12);
  });
  test('addDays crosses months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });
});
