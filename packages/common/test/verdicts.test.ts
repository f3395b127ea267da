import { judge, milestoneAt, parsePeriod, summarise, TargetSpec, trajectoryAnchor, yearMilestone } from '../src';

/** The verdict rules of docs/indicators.md, one kind of target at a time; every expected number is worked out beside it. */
const ENDED = '2026-06-01';
const share = (value: number, accrual: TargetSpec['accrual'], extra: Partial<TargetSpec> = {}): TargetSpec => ({
  kind: 'MIN_PERCENT',
  value,
  per: 'YEAR',
  accrual,
  ...extra,
});
const verdict = (
  target: TargetSpec,
  period: string,
  value: number | null,
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' = 'PROVINCE',
  today = ENDED,
  anchorValue: number | null = null,
) => judge({ target, period: parsePeriod(period), level, value, today, anchor: trajectoryAnchor(target, { year: 2021, value: anchorValue }) });

describe('yearly targets', () => {
  const inspected = share(20, 'COVERAGE');
  test('a year is judged against the goal', () => {
    expect(verdict(inspected, '2024', 40.08)).toMatchObject({ status: 'ACHIEVED', milestone: 20 });
    expect(verdict(inspected, '2021', 19.61)).toMatchObject({ status: 'NOT_MET', milestone: 20 });
    expect(verdict(inspected, '2024R', 19.9).status).toBe('NOT_MET');
  });
  test('a run of years has no summed verdict', () => {
    expect(verdict(inspected, '2021-2025', 80.9)).toMatchObject({ status: 'NOT_APPLICABLE', milestone: null });
    expect(verdict(inspected, '2021-2025', 80.9).reason).toContain('year by year');
  });
  test('a coverage is not judged for part of a year; a rate keeps its target', () => {
    expect(verdict(inspected, '2024Q2', 9.17)).toMatchObject({ status: 'NOT_APPLICABLE' });
    expect(verdict(inspected, '2024Q2R', 9.17).status).toBe('NOT_APPLICABLE');
    expect(verdict(share(100, 'RATE'), '2024Q2', 100)).toMatchObject({ status: 'ACHIEVED', milestone: 100 });
    expect(verdict(share(100, 'RATE'), '202403', 0).status).toBe('NOT_MET');
  });
  test('a count a year is pro-rated only for a window that starts with the year', () => {
    const central: TargetSpec = { kind: 'MIN_COUNT', value: 2, per: 'YEAR', accrual: 'FLOW', lowestLevel: 'PROVINCE' };
    expect(verdict(central, '2024S1', 1)).toMatchObject({ status: 'ACHIEVED', milestone: 1 }); // 2 × 6/12
    expect(verdict(central, '2024M9R', 1)).toMatchObject({ status: 'NOT_MET', milestone: 1.5 }); // 2 × 9/12; 15/12/2023 starts the year
    expect(verdict(central, '2024Q1', 0)).toMatchObject({ status: 'NOT_MET', milestone: 0.5 }); // 2 × 3/12
    expect(verdict(central, '2024Q3', 0).status).toBe('NOT_APPLICABLE');
    expect(verdict(central, '2024', 1).status).toBe('NOT_MET');
  });
  test('units below the level the goal binds are not judged', () => {
    const central: TargetSpec = { kind: 'MIN_COUNT', value: 2, per: 'YEAR', accrual: 'FLOW', lowestLevel: 'PROVINCE' };
    expect(verdict(central, '2024', 0, 'DISTRICT')).toMatchObject({ status: 'NOT_APPLICABLE' });
    expect(verdict(share(70, 'COVERAGE', { lowestLevel: 'DISTRICT' }), '2024', 0, 'COMMUNE').status).toBe('NOT_APPLICABLE');
    expect(verdict(share(70, 'COVERAGE', { lowestLevel: 'DISTRICT' }), '2024', 80, 'DISTRICT').status).toBe('ACHIEVED');
    expect(verdict(inspected, '2024', 10, 'DISTRICT').status).toBe('NOT_MET');
  });
  test('an open year: ON_TRACK when the elapsed share of the year is reached', () => {
    // 1/7/2024: 182 of 366 days elapsed; 70 × 182/366 = 34.8.
    expect(verdict(share(70, 'COVERAGE'), '2024', 35, 'PROVINCE', '2024-07-01').status).toBe('ON_TRACK');
    expect(verdict(share(70, 'COVERAGE'), '2024', 34, 'PROVINCE', '2024-07-01').status).toBe('AT_RISK');
    expect(verdict(share(100, 'RATE'), '2024', 94, 'PROVINCE', '2024-07-01').status).toBe('AT_RISK');
  });
  test('no denominator → NO_DATA; outside the programme → NOT_APPLICABLE', () => {
    expect(verdict(inspected, '2024', null).status).toBe('NO_DATA');
    expect(verdict(inspected, '2020', 50).status).toBe('NOT_APPLICABLE');
    expect(verdict(inspected, '2026', 50).status).toBe('NOT_APPLICABLE');
  });
});

describe('growth targets', () => {
  const growth: TargetSpec = { kind: 'GROWTH', min: 3, max: 5, per: 'YEAR', accrual: 'RATE' };
  test('each year against the year before; a run of years only as a summary', () => {
    expect(verdict(growth, '2024', 0)).toMatchObject({ status: 'NOT_MET', milestone: 3 });
    expect(verdict(growth, '2023', 4.76)).toMatchObject({ status: 'ACHIEVED' });
    expect(verdict(growth, '2021-2025', 27).status).toBe('NOT_APPLICABLE');
  });
  test('the summary counts the years met of the years judged and gives the last year', () => {
    const summary = summarise([
      { year: 2021, value: null, milestone: 3, status: 'NO_DATA' },
      { year: 2022, value: 10, milestone: 3, status: 'ACHIEVED' },
      { year: 2023, value: 4.76, milestone: 3, status: 'ACHIEVED' },
      { year: 2024, value: 0, milestone: 3, status: 'NOT_MET' },
      { year: 2025, value: 9.09, milestone: 3, status: 'ACHIEVED' },
    ]);
    expect(summary).toMatchObject({ yearsMet: 3, yearsJudged: 4, lastYear: { year: 2025, status: 'ACHIEVED' } });
  });
});

describe('cumulative targets on a trajectory', () => {
  const all: TargetSpec = { kind: 'MIN_PERCENT', value: 100, per: 'PROGRAMME', cumulative: true, accrual: 'COVERAGE' };
  test('straight line from the first year to the goal in 2025', () => {
    const anchor = trajectoryAnchor(all, { year: 2021, value: 20 });
    // 20 + (100 − 20) × (y − 2021) / 4: 2022 → 40, 2023 → 60, 2024 → 80, 2025 → 100.
    expect([2021, 2022, 2023, 2024, 2025].map((y) => yearMilestone(all, anchor, y))).toEqual([20, 40, 60, 80, 100]);
    // Halfway through 2023 (1/7, 181 of 365 days): 40 + 20 × 181/365 = 49.92.
    expect(milestoneAt(all, anchor, '2023-07-01')).toBe(49.92);
  });
  test('each year against its milestone, the end against the goal, the baseline year not judged', () => {
    expect(verdict(all, '2023', 58.67, 'PROVINCE', ENDED, 19.8)).toMatchObject({ status: 'NOT_MET', milestone: 59.9 }); // 19.8 + 80.2 × 2/4
    expect(verdict(all, '2022', 40.83, 'PROVINCE', ENDED, 19.8)).toMatchObject({ status: 'ACHIEVED', milestone: 39.85 }); // 19.8 + 80.2 / 4
    expect(verdict(all, '2021-2025', 82.77, 'PROVINCE', ENDED, 19.8)).toMatchObject({ status: 'NOT_MET', milestone: 100 });
    expect(verdict(all, '2021', 19.8, 'PROVINCE', ENDED, 19.8).status).toBe('NOT_APPLICABLE');
    expect(verdict(all, '2021Q3', 12, 'PROVINCE', ENDED, 19.8).status).toBe('NOT_APPLICABLE');
  });
  test('a quarter and its year, both open on the same day, get the same verdict against the same milestone', () => {
    // QN_TODAY 2025-11-15: milestone 80 + 20 × 318/365 = 97.42 for both.
    const q4 = verdict(all, '2025Q4', 80.92, 'PROVINCE', '2025-11-15', 20);
    const year = verdict(all, '2025', 80.92, 'PROVINCE', '2025-11-15', 20);
    expect(q4).toMatchObject({ status: 'AT_RISK', milestone: 97.42 });
    expect(year).toMatchObject({ status: 'AT_RISK', milestone: 97.42 });
  });
  test('milestones given as data replace the line; a baseline given by the plan starts it at the end of 2020', () => {
    const withData: TargetSpec = { ...all, milestones: [{ year: 2023, value: 50 }] };
    expect(verdict(withData, '2023', 55, 'PROVINCE', ENDED, 19.8)).toMatchObject({ status: 'ACHIEVED', milestone: 50 });
    const withBaseline: TargetSpec = { ...all, baseline: 0 };
    expect(verdict(withBaseline, '2021', 20, 'PROVINCE', ENDED, 20)).toMatchObject({ status: 'ACHIEVED', milestone: 20 }); // 0 + 100 × 1/5
  });
});

describe('programme targets (IND-4.1)', () => {
  const pilots: TargetSpec = { kind: 'RANGE', min: 1, max: 2, per: 'PROGRAMME', accrual: 'STATE', lowestLevel: 'PROVINCE' };
  test('any period is judged against the minimum; more than the maximum still meets it', () => {
    expect(verdict(pilots, '2024Q2', 2).status).toBe('ACHIEVED');
    expect(verdict(pilots, '2021-2025', 3).status).toBe('ACHIEVED');
    expect(verdict(pilots, '2022', 0).status).toBe('NOT_MET');
    expect(verdict(pilots, '2024', 1, 'DISTRICT').status).toBe('NOT_APPLICABLE');
  });
});
