import { parsePeriod, periodSeries } from '@qn/common';
import { reportingPeriod, reportingPeriodOn, reportingPeriodsOf, onTime } from '../src/reporting/calendar';

/** Decree 09/2019/NĐ-CP art. 12 cut-offs and the default deadlines, on their boundaries. */
describe('reporting periods', () => {
  it('quarters run from the 15th of the month before to the 14th of the last month', () => {
    expect(reportingPeriod('2024Q1')).toMatchObject({
      from: '2023-12-15',
      to: '2024-03-14',
      dataPeriod: '2024Q1R',
      defaultDeadline: '2024-03-20',
      regime: 'QUARTERLY',
    });
    expect(reportingPeriod('2024Q2')).toMatchObject({ from: '2024-03-15', to: '2024-06-14', defaultDeadline: '2024-06-20' });
    expect(reportingPeriod('2024Q3')).toMatchObject({
      from: '2024-06-15',
      to: '2024-09-14',
      defaultDeadline: '2024-09-20',
      calendarFrom: '2024-07-01',
      calendarTo: '2024-09-30',
    });
    expect(reportingPeriod('2024Q4')).toMatchObject({ from: '2024-09-15', to: '2024-12-14', defaultDeadline: '2024-12-20' });
  });

  it('six-monthly, nine-month and yearly windows', () => {
    expect(reportingPeriod('2024S1')).toMatchObject({ from: '2023-12-15', to: '2024-06-14', defaultDeadline: '2024-06-20', mandatedByPlan: false });
    expect(reportingPeriod('2024S2')).toMatchObject({ from: '2024-06-15', to: '2024-12-14', defaultDeadline: '2024-12-20' });
    expect(reportingPeriod('2024M9')).toMatchObject({ from: '2023-12-15', to: '2024-09-14', regime: 'NINE_MONTH', defaultDeadline: '2024-09-20' });
    expect(reportingPeriod('2024')).toMatchObject({
      from: '2023-12-15',
      to: '2024-12-14',
      regime: 'YEARLY',
      defaultDeadline: '2024-12-20',
      mandatedByPlan: true,
    });
    expect(reportingPeriodsOf(2025).map((p) => p.id)).toEqual(['2025Q1', '2025Q2', '2025S1', '2025Q3', '2025M9', '2025Q4', '2025S2', '2025']);
  });

  it('the 14th belongs to the period ending, the 15th to the next one', () => {
    expect(reportingPeriodOn('2024-03-14').id).toBe('2024Q1');
    expect(reportingPeriodOn('2024-03-15').id).toBe('2024Q2');
    expect(reportingPeriodOn('2024-09-14').id).toBe('2024Q3');
    expect(reportingPeriodOn('2024-09-15').id).toBe('2024Q4');
    expect(reportingPeriodOn('2024-06-14', 'SIX_MONTHLY').id).toBe('2024S1');
    expect(reportingPeriodOn('2024-06-15', 'SIX_MONTHLY').id).toBe('2024S2');
  });

  it("December crosses the year: 14/12 closes the year, 15/12 opens next year's Q1, S1, nine months and year", () => {
    expect(reportingPeriodOn('2024-12-14').id).toBe('2024Q4');
    expect(reportingPeriodOn('2024-12-15').id).toBe('2025Q1');
    expect(reportingPeriodOn('2024-12-31').id).toBe('2025Q1');
    expect(reportingPeriodOn('2025-01-01').id).toBe('2025Q1');
    expect(reportingPeriodOn('2024-12-14', 'YEARLY').id).toBe('2024');
    expect(reportingPeriodOn('2024-12-15', 'YEARLY').id).toBe('2025');
    expect(reportingPeriodOn('2024-12-15', 'SIX_MONTHLY').id).toBe('2025S1');
    expect(reportingPeriodOn('2024-12-15', 'NINE_MONTH').id).toBe('2025M9');
  });

  it('indicator periods: an R after the id asks for the cut-off window (end exclusive), without it the calendar', () => {
    expect(parsePeriod('2025Q1R')).toMatchObject({ kind: 'QUARTER', basis: 'REPORTING', start: '2024-12-15', end: '2025-03-15', year: 2025 });
    expect(parsePeriod('2024R')).toMatchObject({ kind: 'YEAR', basis: 'REPORTING', start: '2023-12-15', end: '2024-12-15' });
    expect(parsePeriod('2024M9R')).toMatchObject({ kind: 'NINE_MONTHS', start: '2023-12-15', end: '2024-09-15' });
    expect(parsePeriod('202401R')).toMatchObject({ kind: 'MONTH', start: '2023-12-15', end: '2024-01-15' });
    expect(parsePeriod('2024M9')).toMatchObject({ kind: 'NINE_MONTHS', start: '2024-01-01', end: '2024-10-01' });
    expect(parsePeriod('2024Q3').basis).toBeUndefined();
    expect(periodSeries('2024Q3R', '2025Q1R').map((p) => [p.id, p.start])).toEqual([
      ['2024Q3R', '2024-06-15'],
      ['2024Q4R', '2024-09-15'],
      ['2025Q1R', '2024-12-15'],
    ]);
    expect(() => periodSeries('2024Q3', '2025Q1R')).toThrow(/different kinds/);
    expect(() => parsePeriod('2024Q5R')).toThrow(/unknown period/);
    expect(() => reportingPeriod('2024Q3R')).toThrow(/unknown reporting period/);
  });

  it('on time means by the end of the deadline day in Vietnam', () => {
    expect(onTime(new Date('2024-09-20T23:59:00+07:00'), '2024-09-20')).toBe(true);
    expect(onTime(new Date('2024-09-21T00:01:00+07:00'), '2024-09-20')).toBe(false);
    expect(onTime(new Date('2024-09-20T16:59:00Z'), '2024-09-20')).toBe(true);
    expect(onTime(new Date('2024-09-20T17:01:00Z'), '2024-09-20')).toBe(false);
  });
});
