import { clockNow, todayIso, vietnamDate } from './clock';
import { checkNotFuture } from './validation';

describe('vietnamDate: the calendar date in Quảng Ngãi (UTC+7), not in UTC', () => {
  test.each([
    ['2024-09-14T16:59:59Z', '2024-09-14', '23:59:59 in Vietnam: still the 14th'],
    ['2024-09-14T17:00:00Z', '2024-09-15', 'midnight in Vietnam: the 15th, while UTC is still on the 14th'],
    ['2024-09-14T20:30:00Z', '2024-09-15', '03:30 in Vietnam'],
    ['2024-09-14T23:59:59Z', '2024-09-15', '06:59:59 in Vietnam: the last second UTC lags behind'],
    ['2024-09-15T00:00:00Z', '2024-09-15', '07:00 in Vietnam: both agree again'],
    ['2024-12-31T17:30:00Z', '2025-01-01', 'new year in Vietnam at 00:30, UTC still in 2024'],
    ['2024-02-28T18:00:00Z', '2024-02-29', 'a leap day'],
  ])('%s → %s (%s)', (instant, date) => {
    expect(vietnamDate(new Date(instant))).toBe(date);
  });
});

describe('clockNow / todayIso: overridable for tests and training copies', () => {
  test('QN_NOW fixes the instant, and today is its Vietnam date', () => {
    const env = { QN_NOW: '2024-09-15T03:00:00+07:00' };
    expect(clockNow(env).toISOString()).toBe('2024-09-14T20:00:00.000Z');
    expect(todayIso(env)).toBe('2024-09-15');
  });

  test('QN_TODAY fixes the day, at noon Vietnam time', () => {
    expect(clockNow({ QN_TODAY: '2024-09-15' }).toISOString()).toBe('2024-09-15T05:00:00.000Z');
    expect(todayIso({ QN_TODAY: '2024-09-15' })).toBe('2024-09-15');
  });

  test('QN_NOW wins over QN_TODAY', () => {
    expect(todayIso({ QN_NOW: '2024-09-14T18:00:00Z', QN_TODAY: '2024-01-01' })).toBe('2024-09-15');
  });

  test("between 00:00 and 07:00 in Vietnam, today's date is not refused as in the future", () => {
    const env = { QN_NOW: '2024-09-15T01:15:00+07:00' }; // 2024-09-14T18:15Z
    expect(() => checkNotFuture('heldOn', '2024-09-15', todayIso(env))).not.toThrow();
    expect(() => checkNotFuture('heldOn', '2024-09-16', todayIso(env))).toThrow(/heldOn/);
  });

  test('without overrides it reads the real clock', () => {
    const before = Date.now();
    const now = clockNow({}).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(vietnamDate(new Date(now))).toBe(todayIso({ QN_NOW: new Date(now).toISOString() }));
  });
});
