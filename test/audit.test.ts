import { Identity } from '@qn/common';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/** Who read record-level data and who changed what: append-only, readable by the owning agency's heads. */
let system: TestSystem;
const head = caller('POLICE', 'AGENCY_HEAD');
const officer = { ...caller('POLICE', 'AGENCY_OFFICER'), subject: 'officer-nguyen' };

beforeAll(async () => {
  system = await startSystem({ as: officer });
});
afterAll(() => system.stop());

const AUDIT = `query($filter: AuditFilter) { policeAuditLog(filter: $filter) { totalCount nodes { subject agency roles action entity entityIds fields } } }`;

test('reading and changing records is logged with who, what and which records', async () => {
  const tip = dataOf(
    await system.query(`mutation { receiveTip(input: { kind: DENUNCIATION, channel: HOTLINE, districtId: "522", receivedOn: "2024-03-01" }) { id version } }`),
  ).receiveTip;
  dataOf(await system.query(`{ tips { nodes { id classification } } }`));
  dataOf(
    await system.query(`mutation($id: ID!, $v: Int!) { handleTip(input: { id: $id, expectedVersion: $v, verification: CONFIRMED }) { id } }`, {
      id: tip.id,
      v: tip.version,
    }),
  );

  const log = dataOf(await system.query(AUDIT, { filter: { entityId: tip.id } }, { as: head })).policeAuditLog;
  const actions = log.nodes.map((n: any) => `${n.action}:${n.entity}`);
  expect(actions).toEqual(expect.arrayContaining(['receiveTip:Tip', 'READ:Tip', 'handleTip:Tip']));
  for (const entry of log.nodes) expect(entry).toMatchObject({ subject: 'officer-nguyen', agency: 'POLICE', roles: ['AGENCY_OFFICER'] });
  const handled = log.nodes.find((n: any) => n.action === 'handleTip');
  expect(handled.fields).toEqual(['expectedVersion', 'id', 'verification']);
});

test('aggregates are not record-level reads and are not logged', async () => {
  const before = dataOf(await system.query(AUDIT, {}, { as: head })).policeAuditLog.totalCount;
  dataOf(await system.query(`{ indicator(code: "IND-3.1") { result(period: "2024") { value } } }`));
  expect(dataOf(await system.query(AUDIT, {}, { as: head })).policeAuditLog.totalCount).toBe(before);
});

test("the audit log survives DELETE, UPDATE and TRUNCATE from the application's own database role", async () => {
  const db = system.subgraphs.police.dataSource;
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM audit_log');
  expect(count).toBeGreaterThan(0);
  await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  await expect(db.query(`UPDATE audit_log SET subject = 'someone-else'`)).rejects.toThrow(/append-only/);
  await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only|permission denied/);
  const [{ after }] = await db.query('SELECT count(*)::int AS after FROM audit_log');
  expect(after).toBe(count);
});

test("only the owning agency's heads read its audit log", async () => {
  for (const who of [officer, caller('HEALTH', 'AGENCY_HEAD'), caller('LABOUR', 'COORDINATOR'), caller('LABOUR', 'ANALYST')]) {
    const response = await system.query(AUDIT, {}, { as: who });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.data?.policeAuditLog ?? null).toBeNull();
  }
  expect((await system.query(AUDIT, {}, { as: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('a change whose audit row cannot be written is not stored, and the caller is told it failed', async () => {
  const db = system.subgraphs.police.dataSource;
  const breaker = { ...officer, subject: 'audit-breaker' };
  const count = async () => (await db.query('SELECT count(*)::int AS n FROM tip'))[0].n as number;
  // The audit log refuses this caller's rows (as it refused a 250-character or NUL subject before the gateway checked them).
  await system.ownerQuery('police', "ALTER TABLE audit_log ADD CONSTRAINT refuse_breaker CHECK (subject <> 'audit-breaker')");
  try {
    const before = await count();
    for (let retry = 0; retry < 3; retry++) {
      const response = await system.query(
        `mutation { receiveTip(input: { kind: DENUNCIATION, channel: HOTLINE, districtId: "522", receivedOn: "2024-03-01" }) { id } }`,
        undefined,
        { as: breaker },
      );
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(response.data?.receiveTip ?? null).toBeNull();
    }
    expect(await count()).toBe(before);
  } finally {
    await system.ownerQuery('police', 'ALTER TABLE audit_log DROP CONSTRAINT refuse_breaker');
  }
  // Once the audit log takes the row, the change and its row are stored together.
  const tip = dataOf(
    await system.query(
      `mutation { receiveTip(input: { kind: DENUNCIATION, channel: HOTLINE, districtId: "522", receivedOn: "2024-03-01" }) { id } }`,
      undefined,
      { as: breaker },
    ),
  ).receiveTip;
  const rows = await db.query("SELECT action, entity_ids FROM audit_log WHERE subject = 'audit-breaker' AND action <> 'READ'");
  expect(rows).toEqual([{ action: 'receiveTip', entity_ids: [tip.id] }]);
});

describe("the services' database role (neither superuser nor owner)", () => {
  test.each(['police', 'labour', 'health', 'education', 'information'])('%s runs as its own non-superuser, non-owner role', async (name) => {
    const [role] = await system.subgraphs[name].dataSource.query('SELECT current_user AS "user", rolsuper AS super FROM pg_roles WHERE rolname = current_user');
    expect(role.user).toMatch(new RegExp(`_${name}_service$`));
    expect(role.super).toBe(false);
    const [{ owned }] = await system.subgraphs[name].dataSource.query(
      "SELECT count(*)::int AS owned FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user",
    );
    expect(owned).toBe(0);
  });

  test('cannot switch triggers off: session_replication_role and ALTER TABLE … DISABLE TRIGGER are refused, and the triggers hold', async () => {
    const db = system.subgraphs.police.dataSource;
    const [{ before }] = await db.query('SELECT count(*)::int AS before FROM audit_log');
    expect(before).toBeGreaterThan(0);
    await expect(
      db.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query('DELETE FROM audit_log');
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(db.query('ALTER TABLE audit_log DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
    await expect(db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')).rejects.toThrow(/must be owner/);
    await expect(db.query('DROP TRIGGER audit_log_append_only ON audit_log')).rejects.toThrow(/must be owner/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const [{ after }] = await db.query('SELECT count(*)::int AS after FROM audit_log');
    expect(after).toBe(before);
  });

  test("labour's report history triggers hold for labour's service role", async () => {
    const db = system.subgraphs.labour.dataSource;
    await expect(db.query('ALTER TABLE report_event DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
    await expect(
      db.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
      }),
    ).rejects.toThrow(/permission denied/);
  });
});

test("a head limited to one district reads only the audit rows about that district's records (defect 7)", async () => {
  const receive = async (districtId: string) =>
    dataOf(
      await system.query(`mutation($d: ID!) { receiveTip(input: { kind: DENUNCIATION, channel: HOTLINE, districtId: $d, receivedOn: "2024-03-01" }) { id } }`, {
        d: districtId,
      }),
    ).receiveTip.id as string;
  const in522 = await receive('522');
  const in524 = await receive('524');
  dataOf(await system.query(`{ tips(first: 500) { nodes { id districtId } } }`));
  const ids = async (as: Identity) => {
    const log = dataOf(await system.query(`{ policeAuditLog(first: 500) { nodes { action entityIds } } }`, undefined, { as })).policeAuditLog;
    return new Set(log.nodes.flatMap((n: { entityIds: string[] }) => n.entityIds));
  };
  const district = await ids(caller('POLICE', 'AGENCY_HEAD', '524'));
  expect(district.has(in524)).toBe(true);
  expect(district.has(in522)).toBe(false);
  const province = await ids(head);
  expect(province.has(in522) && province.has(in524)).toBe(true);
});

describe('the audit of a page read is the ids of the records returned, in one INSERT, whatever the page size', () => {
  const reader = { ...caller('POLICE', 'AGENCY_OFFICER'), subject: 'officer-page-reader' };
  const DISTRICTS = ['522', '524', '525'];
  const statements = () => system.statements().police;
  beforeAll(async () => {
    // 60 tips of 2023 in three districts, with notes (the first page of 50 holds tips of all three).
    await system.ownerQuery(
      'police',
      `INSERT INTO tip (kind, received_on, channel, district_id, deadline_on, notes, version)
       SELECT 'DENUNCIATION', DATE '2023-01-01' + n, 'HOTLINE', (ARRAY['522', '524', '525'])[1 + n % 3], DATE '2023-01-21' + n, NULL, 1
       FROM generate_series(0, 59) AS n`,
    );
  });
  const page = async (first: number, fields = 'id districtId') => {
    const before = statements();
    const nodes = dataOf(await system.query(`{ tips(filter: { period: "2023" }, first: ${first}) { nodes { ${fields} } } }`, undefined, { as: reader })).tips
      .nodes as { id: string; districtId: string }[];
    return { nodes, statements: statements() - before };
  };
  const rowsOf = async () =>
    system.ownerQuery(
      'police',
      `SELECT action, entity, district_id, entity_ids, fields, pg_column_size(a.*) AS bytes FROM audit_log a WHERE subject = 'officer-page-reader' ORDER BY id`,
    );

  test('a page of 50 records 50 ids, one row per district, and nothing but ids', async () => {
    const before = (await rowsOf()).length;
    const { nodes } = await page(50, 'id districtId receivedOn classification handledInTime verification');
    expect(nodes).toHaveLength(50);
    const rows = (await rowsOf()).slice(before);
    // Who read which records: exactly the 50 returned, each under its own district.
    expect(rows.map((r) => r.district_id).sort()).toEqual(DISTRICTS);
    for (const row of rows) {
      expect(row).toMatchObject({ action: 'READ', entity: 'Tip', fields: [] });
      expect([...row.entity_ids].sort()).toEqual(
        nodes
          .filter((t) => t.districtId === row.district_id)
          .map((t) => t.id)
          .sort(),
      );
    }
    // Small: at most 256 bytes a row (who, when, action, one row per district) and 40 an id
    // (36 characters and a 4-byte length): for 50 ids in 3 districts 3 × 256 + 50 × 40 = 2,768
    // bytes, however many fields of each tip were shown. A copy of a record would not fit.
    const bytes = rows.reduce((sum, r) => sum + Number(r.bytes), 0);
    expect(bytes).toBeLessThanOrEqual(rows.length * 256 + 50 * 40);
  });

  test('SQL statements for a page do not grow with its size: the page, and one INSERT of its audit', async () => {
    const small = await page(5);
    const large = await page(50);
    expect(small.nodes).toHaveLength(5);
    expect(large.nodes).toHaveLength(50);
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);
    // totalCount is counted when it is asked for: one statement more.
    const before = statements();
    const counted = dataOf(await system.query(`{ tips(filter: { period: "2023" }, first: 50) { totalCount nodes { id } } }`, undefined, { as: reader })).tips;
    expect(counted.totalCount).toBe(60);
    expect(statements() - before).toBe(3);
  });
});

describe('create mutations take an optional idempotency key (issue 11, defect 15)', () => {
  const labourOfficer = { ...caller('LABOUR', 'AGENCY_OFFICER'), subject: 'officer-tran' };
  const RECORD = `mutation($input: RecordCommunicationActivityInput!) { recordCommunicationActivity(input: $input) { id heldOn participants } }`;
  const activity = { form: 'MEETING', heldOn: '2024-05-10', districtId: '522', communeId: '21010', participants: 40 };
  const labour = () => system.subgraphs.labour.dataSource;
  const rowsOf = async (id: string) => (await labour().query('SELECT count(*)::int AS n FROM communication_activity WHERE id = $1', [id]))[0].n as number;
  const total = async () => (await labour().query('SELECT count(*)::int AS n FROM communication_activity'))[0].n as number;

  test('a retry with the same key returns the record the first call created, and only one is stored', async () => {
    const before = await total();
    const input = { ...activity, idempotencyKey: 'activity-2024-05-10-a' };
    const first = dataOf(await system.query(RECORD, { input }, { as: labourOfficer })).recordCommunicationActivity;
    const retries = await Promise.all([1, 2, 3].map(() => system.query(RECORD, { input }, { as: labourOfficer })));
    for (const retry of retries) expect(dataOf(retry).recordCommunicationActivity).toEqual(first);
    // One call and three retries of it: one new row.
    expect(await total()).toBe(before + 1);
    expect(await rowsOf(first.id)).toBe(1);
    // The change's audit row names the record; the replays are logged as calls too, under the same id.
    const audit = await labour().query("SELECT entity_ids FROM audit_log WHERE subject = 'officer-tran' AND action = 'recordCommunicationActivity'");
    expect(audit.map((r: { entity_ids: string[] }) => r.entity_ids)).toEqual([[first.id], [first.id], [first.id], [first.id]]);
  });

  test('the same key with another payload is refused, naming the key; without a key every call creates a record', async () => {
    const key = 'activity-2024-05-10-b';
    dataOf(await system.query(RECORD, { input: { ...activity, idempotencyKey: key } }, { as: labourOfficer }));
    const before = await total();
    const changed = await system.query(RECORD, { input: { ...activity, participants: 41, idempotencyKey: key } }, { as: labourOfficer });
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await total()).toBe(before);
    // Another caller's same key is another key.
    const other = { ...labourOfficer, subject: 'officer-le' };
    dataOf(await system.query(RECORD, { input: { ...activity, idempotencyKey: key } }, { as: other }));
    expect(await total()).toBe(before + 1);
    dataOf(await system.query(RECORD, { input: activity }, { as: labourOfficer }));
    dataOf(await system.query(RECORD, { input: activity }, { as: labourOfficer }));
    expect(await total()).toBe(before + 3);
    const short = await system.query(RECORD, { input: { ...activity, idempotencyKey: 'abc' } }, { as: labourOfficer });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  test('under a key, a change whose audit row cannot be written keeps nothing, not even the key: the retry then stores it', async () => {
    const breaker = { ...labourOfficer, subject: 'audit-breaker-labour' };
    const input = { ...activity, idempotencyKey: 'activity-2024-05-10-c' };
    const before = await total();
    await system.ownerQuery('labour', "ALTER TABLE audit_log ADD CONSTRAINT refuse_breaker CHECK (subject <> 'audit-breaker-labour')");
    try {
      const response = await system.query(RECORD, { input }, { as: breaker });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await total()).toBe(before);
      expect((await labour().query("SELECT count(*)::int AS n FROM idempotency_key WHERE subject = 'audit-breaker-labour'"))[0].n).toBe(0);
    } finally {
      await system.ownerQuery('labour', 'ALTER TABLE audit_log DROP CONSTRAINT refuse_breaker');
    }
    const stored = dataOf(await system.query(RECORD, { input }, { as: breaker })).recordCommunicationActivity;
    expect(await total()).toBe(before + 1);
    const audit = await labour().query("SELECT entity_ids FROM audit_log WHERE subject = 'audit-breaker-labour' AND action = 'recordCommunicationActivity'");
    expect(audit).toEqual([{ entity_ids: [stored.id] }]);
  });

  test('every subgraph has the idempotency table its create mutations need', async () => {
    for (const name of ['labour', 'police', 'health', 'education', 'information'] as const) {
      const [{ table }] = await system.subgraphs[name].dataSource.query("SELECT to_regclass('public.idempotency_key')::text AS table");
      expect(table).toBe('idempotency_key');
    }
  });
});
