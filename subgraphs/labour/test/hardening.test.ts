import { Identity } from '@qn/common';
import { caller, dataOf, GraphQLResponse, startSystem, TestSystem } from '../../../test/harness';

/**
 * Labour's reporting workflow against a careless or hostile caller (issue 11): a long
 * list of unit ids costs one read, and only after the caller's role allows the call.
 */
let system: TestSystem;
const coordinator = caller('LABOUR', 'COORDINATOR');
const analyst = caller('LABOUR', 'ANALYST');
const policeHead = caller('POLICE', 'AGENCY_HEAD');
let keys = 0;
const key = () => `hardening-${process.pid}-${++keys}`;

beforeAll(async () => {
  // Late 2024: DOLISA is the plan's standing agency, its coordinators approve.
  process.env.QN_NOW = '2024-12-16T03:00:00Z';
  system = await startSystem({ as: coordinator });
});
afterAll(async () => {
  delete process.env.QN_NOW;
  await system.stop();
});

const DRAFTS = 'mutation($input: CreateReportDraftsInput!) { createReportDrafts(input: $input) { id unitId } }';
const madeUp = (n: number) => Array.from({ length: n }, (_, i) => `UNIT-${i}`);
const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;

/** Labour's SQL statements for one request. */
async function labourStatements(send: () => Promise<GraphQLResponse>): Promise<{ response: GraphQLResponse; statements: number }> {
  const before = system.statements().labour;
  const response = await send();
  return { response, statements: system.statements().labour - before };
}

const drafts = (unitIds: string[], as: Identity) => system.query(DRAFTS, { input: { period: '2024Q3', unitIds, idempotencyKey: key() } }, { as });

describe('createReportDrafts with many made-up unit ids (defect 1)', () => {
  test('an ANALYST is refused by role (FORBIDDEN) before labour reads anything', async () => {
    const { response, statements } = await labourStatements(() => drafts(madeUp(100), analyst));
    expect(code(response)).toBe('FORBIDDEN');
    expect(statements).toBe(0);
  });

  test("a unit's head naming another unit is refused (FORBIDDEN) before labour reads anything", async () => {
    const { response, statements } = await labourStatements(() => drafts(['POLICE', ...madeUp(99)], policeHead));
    expect(code(response)).toBe('FORBIDDEN');
    expect(statements).toBe(0);
  });

  test('20,000 ids are BAD_USER_INPUT on input.unitIds at the gateway: labour is not asked', async () => {
    for (const as of [analyst, coordinator]) {
      const { response, statements } = await labourStatements(() => drafts(madeUp(20000), as));
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitIds' });
      expect(statements).toBe(0);
    }
  });

  test('a coordinator naming 100 ids, one made up, gets BAD_USER_INPUT on unitIds after one read of the units', async () => {
    const ids = ['POLICE', 'HEALTH', '522', ...madeUp(97)];
    const { response, statements } = await labourStatements(() => drafts(ids, coordinator));
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitIds' });
    expect(response.errors?.[0].message).toContain("'UNIT-0'");
    // The agencies, read once (expectedUnits); nothing else before the refusal.
    expect(statements).toBe(1);
    // Nothing was opened.
    const [{ n }] = await system.subgraphs.labour.dataSource.query("SELECT count(*)::int AS n FROM report WHERE period = '2024Q3'");
    expect(n).toBe(0);
  });

  test('the same ids repeated 100 times are one unit, and the draft opens', async () => {
    const response = await drafts(
      Array.from({ length: 100 }, () => 'POLICE'),
      coordinator,
    );
    expect(dataOf(response).createReportDrafts.map((r: { unitId: string }) => r.unitId)).toEqual(['POLICE']);
  });
});

const REPORT_CHANGE = (name: string) => `mutation($input: ReportChangeInput!) { ${name}(input: $input) { id version status } }`;

describe('idempotency keys belong to their caller (defect 12)', () => {
  test("another caller's use of a key neither blocks nor answers mine", async () => {
    const other = { ...coordinator, subject: 'coordinator-tran' };
    const shared = `shared-key-${process.pid}`;
    const mine = dataOf(
      await system.query(DRAFTS, { input: { period: '2024Q2', unitIds: ['HEALTH'], idempotencyKey: shared } }, { as: coordinator }),
    ).createReportDrafts;
    // The same key, another caller, another payload: a change of its own, not "already used".
    const theirs = await system.query(DRAFTS, { input: { period: '2024Q2', unitIds: ['EDUCATION'], idempotencyKey: shared } }, { as: other });
    expect(dataOf(theirs).createReportDrafts.map((r: { unitId: string }) => r.unitId)).toEqual(['EDUCATION']);
    // My retry still gets my first answer; a different payload under my key is still refused.
    const retry = dataOf(
      await system.query(DRAFTS, { input: { period: '2024Q2', unitIds: ['HEALTH'], idempotencyKey: shared } }, { as: coordinator }),
    ).createReportDrafts;
    expect(retry).toEqual(mine);
    const misuse = await system.query(DRAFTS, { input: { period: '2024Q2', unitIds: ['POLICE'], idempotencyKey: shared } }, { as: coordinator });
    expect(misuse.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });
});

describe('no self-approval (defect 13)', () => {
  test("a head who is also a DOLISA coordinator submits LABOUR's report and cannot approve it; another coordinator can", async () => {
    const both: Identity = { subject: 'head-and-coordinator', agency: 'LABOUR', roles: ['AGENCY_HEAD', 'COORDINATOR'], orgUnit: null };
    const [draft] = dataOf(
      await system.query(DRAFTS, { input: { period: '2024Q1', unitIds: ['LABOUR'], idempotencyKey: key() } }, { as: both }),
    ).createReportDrafts;
    const written = dataOf(
      await system.query(
        'mutation($input: UpdateReportNarrativeInput!) { updateReportNarrative(input: $input) { id version } }',
        { input: { id: draft.id, expectedVersion: 1, idempotencyKey: key(), results: 'Đã triển khai kế hoạch.' } },
        { as: both },
      ),
    ).updateReportNarrative;
    const submitted = dataOf(
      await system.query(REPORT_CHANGE('submitReport'), { input: { id: written.id, expectedVersion: written.version, idempotencyKey: key() } }, { as: both }),
    ).submitReport;
    const self = await system.query(
      REPORT_CHANGE('approveReport'),
      { input: { id: submitted.id, expectedVersion: submitted.version, idempotencyKey: key() } },
      { as: both },
    );
    expect(code(self)).toBe('FORBIDDEN');
    expect(self.data?.approveReport ?? null).toBeNull();
    const approved = dataOf(
      await system.query(
        REPORT_CHANGE('approveReport'),
        { input: { id: submitted.id, expectedVersion: submitted.version, idempotencyKey: key() } },
        { as: coordinator },
      ),
    ).approveReport;
    expect(approved.status).toBe('APPROVED');
  });
});

describe('look-ups of a person are audited and limited (defect 8)', () => {
  test('pseudonymousCode: each call is an audit row (the argument name, never the identifier); over 20 a minute RATE_LIMITED', async () => {
    const officer = { ...caller('LABOUR', 'AGENCY_OFFICER'), subject: `registrar-${process.pid}` };
    const identifiers = Array.from({ length: 20 }, (_, i) => `0512030${String(i).padStart(5, '0')}`);
    const query = `{ ${identifiers.map((id, i) => `c${i}: pseudonymousCode(identifier: "${id}")`).join(' ')} }`;
    // 20 look-ups a minute per caller: one request of 20 answers, the 21st look-up is refused.
    const codes = Object.values(dataOf(await system.query(query, undefined, { as: officer })));
    expect(codes).toHaveLength(20);
    for (const c of codes) expect(c).toMatch(/^QNG-[A-Z0-9]{8}$/);
    const more = await system.query('{ pseudonymousCode(identifier: "051203099999") }', undefined, { as: officer });
    expect(more.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'identifier' });
    // Another officer is not slowed by this one.
    expect(
      dataOf(await system.query('{ pseudonymousCode(identifier: "051203099999") }', undefined, { as: caller('LABOUR', 'AGENCY_OFFICER') })).pseudonymousCode,
    ).toMatch(/^QNG-/);
    const rows = await system.subgraphs.labour.dataSource.query('SELECT action, entity, fields, entity_ids FROM audit_log WHERE subject = $1', [
      officer.subject,
    ]);
    expect(rows).toHaveLength(20);
    for (const row of rows) expect(row).toEqual({ action: 'pseudonymousCode', entity: 'SupportClient', fields: ['identifier'], entity_ids: [] });
    const all = JSON.stringify(await system.subgraphs.labour.dataSource.query('SELECT * FROM audit_log'));
    for (const id of identifiers) expect(all).not.toContain(id);
  });

  test("health: a count of one client code's services is an audited look-up", async () => {
    const officer = { ...caller('HEALTH', 'AGENCY_OFFICER'), subject: `health-counter-${process.pid}` };
    const response = await system.query('{ harmReductionContacts(filter: { clientCode: "QNG-ABCDEFGH" }) { totalCount } }', undefined, { as: officer });
    expect(dataOf(response).harmReductionContacts.totalCount).toBe(0);
    const rows = await system.subgraphs.health.dataSource.query('SELECT action, fields FROM audit_log WHERE subject = $1', [officer.subject]);
    expect(rows).toEqual([{ action: 'harmReductionContacts', fields: ['filter.clientCode'] }]);
  });
});
