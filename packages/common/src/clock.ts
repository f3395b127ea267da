/**
 * The one clock. Business dates — "today" for a record's date, a deadline, whether a
 * period has ended — are calendar dates in Quảng Ngãi (Asia/Ho_Chi_Minh, UTC+7 all
 * year), never UTC dates: between 00:00 and 07:00 Vietnam time the UTC date is still
 * yesterday's.
 *
 * Overridable for tests and training copies: QN_NOW (an ISO timestamp) fixes the
 * instant; else QN_TODAY (YYYY-MM-DD) fixes the day, at noon Vietnam time.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const businessDate = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The current instant: QN_NOW, else noon of QN_TODAY in Vietnam, else the real time. */
export function clockNow(env: NodeJS.ProcessEnv = process.env): Date {
  if (env.QN_NOW) return new Date(env.QN_NOW);
  if (env.QN_TODAY) return new Date(`${env.QN_TODAY.slice(0, 10)}T12:00:00+07:00`);
  return new Date();
}

/** The calendar date (YYYY-MM-DD) in Vietnam of an instant. */
export function vietnamDate(at: Date): string {
  const parts = Object.fromEntries(businessDate.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today's date in Vietnam (YYYY-MM-DD), by the clock above. */
export function todayIso(env: NodeJS.ProcessEnv = process.env): string {
  return vietnamDate(clockNow(env));
}
