import { AccessRule, assertInScope, createAuthChecker, isPublishedPeriod, serviceFrom } from './access';
import { ANONYMOUS, Identity, Role } from './identity';

const person = (agency: string | null, role: Role, orgUnit: string | null = null): Identity => ({
  subject: `${agency}-${role}-${orgUnit}`,
  agency,
  roles: [role],
  orgUnit,
});
const police = createAuthChecker(['POLICE']);

/** The checker's verdict: 'ok', or the error's code. */
function verdict(identity: Identity, rule: AccessRule, { root = {}, args = {} }: { root?: object; args?: Record<string, unknown> } = {}) {
  const reads: string[] = [];
  const context = { identity, audit: { read: (type: string, id: string) => reads.push(`${type}:${id}`) } as never };
  try {
    police({ context, root, args, info: { parentType: { name: 'Tip' } } as never }, [rule]);
    return { result: 'ok', reads };
  } catch (error) {
    return { result: (error as { extensions: { code: string } }).extensions.code, reads };
  }
}
const result = (...a: Parameters<typeof verdict>) => verdict(...a).result;

describe('RECORDS: the owning agency’s officers and heads, district officers within their district', () => {
  test.each([
    [person('POLICE', 'AGENCY_OFFICER'), 'ok'],
    [person('POLICE', 'AGENCY_HEAD'), 'ok'],
    [person('POLICE', 'DISTRICT_OFFICER', '522'), 'ok'],
    [person('POLICE', 'DISTRICT_OFFICER'), 'FORBIDDEN'], // a district officer with no district
    [person('POLICE', 'ANALYST'), 'FORBIDDEN'],
    [person('POLICE', 'COORDINATOR'), 'FORBIDDEN'],
    [person('LABOUR', 'AGENCY_HEAD'), 'FORBIDDEN'], // another agency's records
    [ANONYMOUS, 'UNAUTHENTICATED'],
  ])('%o → %s', (identity, expected) => {
    expect(result(identity, 'RECORDS')).toBe(expected);
  });

  test('a district caller sees only records of that district', () => {
    const officer = person('POLICE', 'DISTRICT_OFFICER', '522');
    expect(result(officer, 'RECORDS', { root: { id: 'a', districtId: '522' } })).toBe('ok');
    expect(result(officer, 'RECORDS', { root: { id: 'b', districtId: '524' } })).toBe('FORBIDDEN');
    expect(() => assertInScope(officer, '524')).toThrow(/outside your district '522'/);
    expect(() => assertInScope(person('POLICE', 'AGENCY_HEAD'), '524')).not.toThrow();
  });

  test('every record shown is read into the audit trail, and only those', () => {
    expect(verdict(person('POLICE', 'AGENCY_OFFICER'), 'RECORDS', { root: { id: 'tip-1', districtId: '522' } }).reads).toEqual(['Tip:tip-1']);
    expect(verdict(person('POLICE', 'DISTRICT_OFFICER', '522'), 'RECORDS', { root: { id: 'tip-2', districtId: '524' } }).reads).toEqual([]);
  });
});

describe('AGGREGATES: every signed-in role; without a token, whole years that have ended', () => {
  const today = process.env.QN_TODAY;
  beforeAll(() => {
    process.env.QN_TODAY = '2025-03-01';
  });
  afterAll(() => {
    if (today === undefined) delete process.env.QN_TODAY;
    else process.env.QN_TODAY = today;
  });

  test.each([
    [{ period: '2024' }, 'ok'],
    [{ period: '2021-2024' }, 'ok'],
    [{ from: '2022', to: '2024' }, 'ok'],
    [{ period: '2025' }, 'UNAUTHENTICATED'], // not ended on 1/3/2025
    [{ period: '2021-2025' }, 'UNAUTHENTICATED'],
    [{ period: '2024Q3' }, 'UNAUTHENTICATED'], // quarters are never published
    [{ from: '2022', to: '2025' }, 'UNAUTHENTICATED'],
    [{}, 'UNAUTHENTICATED'],
  ])('anonymous, %o → %s', (args, expected) => {
    expect(result(ANONYMOUS, 'AGGREGATES', { args })).toBe(expected);
  });

  test('any signed-in role, any period', () => {
    expect(result(person('EDUCATION', 'ANALYST'), 'AGGREGATES', { args: { period: '2025Q1' } })).toBe('ok');
  });

  test('isPublishedPeriod turns on 1 January of the next year', () => {
    expect(isPublishedPeriod('2024', '2024-12-31')).toBe(false);
    expect(isPublishedPeriod('2024', '2025-01-01')).toBe(true);
    expect(isPublishedPeriod(2024, '2030-01-01')).toBe(false);
  });
});

describe('SERVICE, AUDIT, REPORT_SUBMIT, REPORT_APPROVE', () => {
  test('SERVICE: only the named subgraphs’ calls, whoever they serve', () => {
    const rule = serviceFrom('health', 'labour');
    expect(rule).toBe('SERVICE:health,labour');
    expect(result({ ...ANONYMOUS, service: 'labour' }, rule)).toBe('ok');
    expect(result({ ...person('LABOUR', 'COORDINATOR'), service: 'health' }, rule)).toBe('ok');
    expect(result({ ...person('LABOUR', 'COORDINATOR'), service: 'information' }, rule)).toBe('FORBIDDEN');
    expect(result({ ...ANONYMOUS, service: 'information' }, serviceFrom('labour'))).toBe('FORBIDDEN');
    expect(result(person('LABOUR', 'COORDINATOR'), rule)).toBe('FORBIDDEN');
    expect(result(ANONYMOUS, rule)).toBe('UNAUTHENTICATED');
  });
  test('AUDIT: heads of the owning agency', () => {
    expect(result(person('POLICE', 'AGENCY_HEAD'), 'AUDIT')).toBe('ok');
    expect(result(person('POLICE', 'AGENCY_OFFICER'), 'AUDIT')).toBe('FORBIDDEN');
    expect(result(person('LABOUR', 'AGENCY_HEAD'), 'AUDIT')).toBe('FORBIDDEN');
  });
  test('REPORT_SUBMIT: heads of an agency or district', () => {
    expect(result(person('HEALTH', 'AGENCY_HEAD'), 'REPORT_SUBMIT')).toBe('ok');
    expect(result(person('HEALTH', 'AGENCY_OFFICER'), 'REPORT_SUBMIT')).toBe('FORBIDDEN');
  });
  test('REPORT_APPROVE: coordinators of the standing agency of the day only (DOLISA to 28/2/2025, Health from 1/3/2025)', () => {
    const now = process.env.QN_NOW;
    try {
      process.env.QN_NOW = '2025-02-28T10:00:00+07:00';
      expect(result(person('LABOUR', 'COORDINATOR'), 'REPORT_APPROVE')).toBe('ok');
      expect(result(person('HEALTH', 'COORDINATOR'), 'REPORT_APPROVE')).toBe('FORBIDDEN');
      process.env.QN_NOW = '2025-03-01T10:00:00+07:00';
      expect(result(person('HEALTH', 'COORDINATOR'), 'REPORT_APPROVE')).toBe('ok');
      expect(result(person('LABOUR', 'COORDINATOR'), 'REPORT_APPROVE')).toBe('FORBIDDEN');
      expect(result(person('POLICE', 'COORDINATOR'), 'REPORT_APPROVE')).toBe('FORBIDDEN');
    } finally {
      if (now === undefined) delete process.env.QN_NOW;
      else process.env.QN_NOW = now;
    }
  });
});
