import { randomBytes } from 'node:crypto';
import { pseudonymousCode } from '@qn/common';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/** Personal data: no names stored, pseudonymous codes only the key holder can recompute, sensitive text encrypted at rest. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ sampleData: true, as: caller('POLICE', 'AGENCY_HEAD') });
});
afterAll(() => system.stop());

/** Vietnamese personal names: a common family name followed by a common middle name. */
const PERSONAL_NAME = /(Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý)\s+(Văn|Thị|Hữu|Đức|Minh|Ngọc|Thanh|Quốc)\s+\p{Lu}/u;

/** Tables that hold records about people or about what happened to them. */
const PERSON_TABLES: Record<string, string[]> = {
  police: ['tip', 'criminal_case', 'inspection'],
  health: ['harm_reduction_contact', 'periodic_health_check'],
  labour: ['support_client', 'need_assessment', 'support_service_use', 'communication_activity', 'business_outreach', 'zone_outreach'],
  education: ['communication_session'],
  information: ['publication'],
};

test('the generated database holds no personal names in any record about people', async () => {
  let scanned = 0;
  for (const [subgraph, tables] of Object.entries(PERSON_TABLES)) {
    const db = system.subgraphs[subgraph].dataSource;
    for (const table of tables) {
      const [{ exists }] = await db.query('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
      expect({ table, exists }).toEqual({ table, exists: true });
      const columns: { column_name: string }[] = await db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND data_type IN ('text', 'character varying')`,
        [table],
      );
      for (const { column_name } of columns) {
        const rows: { value: string }[] = await db.query(`SELECT "${column_name}" AS value FROM "${table}" WHERE "${column_name}" IS NOT NULL`);
        scanned += rows.length;
        const named = rows.filter((r) => PERSONAL_NAME.test(r.value));
        expect({ table, column_name, named: named.slice(0, 3) }).toEqual({ table, column_name, named: [] });
      }
    }
  }
  expect(scanned).toBeGreaterThan(1000);
});

test('a pseudonymous code is stable for its key and cannot be recomputed without it', () => {
  const key = randomBytes(32);
  const code = pseudonymousCode('051234567890', key);
  expect(code).toMatch(/^QNG-[A-Z2-9]{8}$/);
  expect(pseudonymousCode(' 051234567890 ', key)).toBe(code);
  expect(pseudonymousCode('051234567890', randomBytes(32))).not.toBe(code);
  expect(code).not.toContain('0512');
});

test('case notes of a tip are stored encrypted and read back by police', async () => {
  const notes = 'Tin báo qua đường dây nóng: hoạt động môi giới tại quán karaoke trên đường Quang Trung';
  const tip = dataOf(
    await system.query(
      `mutation($notes: String!) { receiveTip(input: { kind: CRIME_REPORT, channel: HOTLINE, districtId: "522", receivedOn: "2025-03-03", notes: $notes }) { id notes } }`,
      { notes },
    ),
  ).receiveTip;
  expect(tip.notes).toBe(notes);
  const [row] = await system.subgraphs.police.dataSource.query('SELECT notes FROM tip WHERE id = $1', [tip.id]);
  expect(row.notes).toMatch(/^v1:/);
  expect(row.notes).not.toContain('karaoke');
  const read = dataOf(await system.query(`query { tips(filter: { period: "2025Q1", districtId: "522" }, first: 500) { nodes { id notes } } }`));
  expect(read.tips.nodes.find((t: { id: string }) => t.id === tip.id).notes).toBe(notes);
});

test('case notes are decrypted only for the tips whose notes are asked for: a page without them never opens one', async () => {
  const receive = async (notes: string) =>
    dataOf(
      await system.query(
        `mutation($notes: String!) { receiveTip(input: { kind: CRIME_REPORT, channel: HOTLINE, districtId: "524", receivedOn: "2025-02-10", notes: $notes }) { id } }`,
        { notes },
      ),
    ).receiveTip.id as string;
  const damaged = await receive('Ghi chú sẽ bị hỏng khi lưu');
  const intact = await receive('Xác minh tại cơ sở lưu trú trên đường Lê Lợi');
  // The stored note of one tip no longer decrypts: its authentication tag is replaced by zeros.
  await system.ownerQuery(
    'police',
    `UPDATE tip SET notes = concat_ws(':', split_part(notes, ':', 1), split_part(notes, ':', 2), 'AAAAAAAAAAAAAAAAAAAAAA==', split_part(notes, ':', 4)) WHERE id = '${damaged}'`,
  );
  const LIST = (fields: string) => `{ tips(filter: { period: "2025Q1", districtId: "524" }, first: 500) { nodes { id ${fields} } } }`;
  // Without notes the page is read whole: no note was decrypted, the damaged one neither.
  const plain = dataOf(await system.query(LIST('classification handledInTime')));
  expect(plain.tips.nodes.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([damaged, intact]));
  // With notes, only the damaged tip's field fails; the others are decrypted and shown.
  const withNotes = await system.query(LIST('notes'));
  const nodes = withNotes.data!.tips.nodes as { id: string; notes: string | null }[];
  expect(nodes.find((t) => t.id === intact)!.notes).toBe('Xác minh tại cơ sở lưu trú trên đường Lê Lợi');
  expect(nodes.find((t) => t.id === damaged)!.notes).toBeNull();
  expect(withNotes.errors?.map((e) => e.path)).toEqual([['tips', 'nodes', nodes.findIndex((t) => t.id === damaged), 'notes']]);
});

describe('a page of any list of records costs what it returns: one statement for the page, one INSERT of the ids shown', () => {
  // The record lists of every subgraph (a type whose records are RECORDS), read as the owning agency's head.
  const LISTS: [string, string, string][] = [
    ['tips', 'police', 'POLICE'],
    ['criminalCases', 'police', 'POLICE'],
    ['inspections', 'police', 'POLICE'],
    ['serviceBusinesses', 'police', 'POLICE'],
    ['harmReductionContacts', 'health', 'HEALTH'],
    ['periodicHealthChecks', 'health', 'HEALTH'],
    ['supportClients', 'labour', 'LABOUR'],
    ['communicationActivities', 'labour', 'LABOUR'],
    ['businessOutreach', 'labour', 'LABOUR'],
    ['communicationSessions', 'education', 'EDUCATION'],
    ['publications', 'information', 'INFORMATION'],
  ];
  test.each(LISTS)(
    '%s (%s, read by a head of %s): as many statements for 5 records as for 50, and the audit names exactly the records shown',
    async (list, subgraph, agency) => {
      const as = { ...caller(agency, 'AGENCY_HEAD'), subject: `lister-${list}` };
      const read = async (first: number) => {
        const before = system.statements()[subgraph];
        const nodes = dataOf(await system.query(`{ ${list}(first: ${first}) { nodes { id } } }`, undefined, { as }))[list].nodes as { id: string }[];
        return { ids: nodes.map((n) => n.id), statements: system.statements()[subgraph] - before };
      };
      const small = await read(5);
      const large = await read(50);
      expect(small.ids).toHaveLength(5);
      expect(large.ids.length).toBeGreaterThan(5);
      // The page, and the audit of what it showed: no count (totalCount not asked), nothing per record.
      expect({ list, small: small.statements, large: large.statements }).toEqual({ list, small: 2, large: 2 });
      const rows: { entity_ids: string[] }[] = await system.ownerQuery(subgraph, `SELECT entity_ids FROM audit_log WHERE subject = 'lister-${list}'`);
      expect(rows.flatMap((r) => r.entity_ids).sort()).toEqual([...small.ids, ...large.ids].sort());
    },
  );
});

describe('a person can be found and erased on a lawful request without breaking what was reported', () => {
  const labourHead = caller('LABOUR', 'AGENCY_HEAD');
  const healthHead = caller('HEALTH', 'AGENCY_HEAD');
  const IND42 = `{ indicator(code: "IND-4.2") { result(period: "2024Q2") { numerator denominator value } } }`;

  test("codes come from an identifier and labour's key, the same every time", async () => {
    const ask = async () => dataOf(await system.query(`{ pseudonymousCode(identifier: "051234567890") }`, {}, { as: labourHead })).pseudonymousCode;
    const code = await ask();
    expect(code).toMatch(/^QNG-[A-Z2-9]{8}$/);
    expect(await ask()).toBe(code);
    expect((await system.query(`{ pseudonymousCode(identifier: "051234567890") }`, {}, { as: caller('LABOUR', 'ANALYST') })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  test('erasing a person in labour and health removes the code everywhere and leaves the reported numbers as they were', async () => {
    const code = dataOf(await system.query(`{ pseudonymousCode(identifier: "079301004455") }`, {}, { as: labourHead })).pseudonymousCode;
    dataOf(
      await system.query(
        `mutation($code: String!) { registerSupportClient(input: { code: $code, districtId: "522", registeredOn: "2024-04-01" }) { id } }`,
        { code },
        { as: labourHead },
      ),
    );
    dataOf(
      await system.query(
        `mutation($code: String!) { recordNeedAssessment(input: { clientCode: $code, assessedOn: "2024-04-02", inNeed: true, eligible: true }) { id } }`,
        { code },
        { as: labourHead },
      ),
    );
    dataOf(
      await system.query(
        `mutation($code: String!) { recordHarmReductionContact(input: { clientCode: $code, contactedOn: "2024-04-10", districtId: "522", service: HIV_TEST }) { id } }`,
        { code },
        { as: healthHead },
      ),
    );
    const before = dataOf(await system.query(IND42, {}, { as: labourHead })).indicator.result;
    // DOLISA's quarterly report (2024: before Health took its duties over) carries IND-4.2 as it stood when submitted.
    const [draft] = dataOf(
      await system.query(
        `mutation { createReportDrafts(input: { period: "2024Q2", unitIds: ["LABOUR"], idempotencyKey: "erasure-test-drafts" }) { id version } }`,
        {},
        { as: labourHead },
      ),
    ).createReportDrafts;
    const written = dataOf(
      await system.query(
        `mutation($id: ID!, $v: Int!) { updateReportNarrative(input: { id: $id, expectedVersion: $v, idempotencyKey: "erasure-test-narrative", results: "Hỗ trợ người bán dâm theo kế hoạch." }) { version } }`,
        { id: draft.id, v: draft.version },
        { as: labourHead },
      ),
    ).updateReportNarrative;
    const submitted = dataOf(
      await system.query(
        `mutation($id: ID!, $v: Int!) { submitReport(input: { id: $id, expectedVersion: $v, idempotencyKey: "erasure-test-submit" }) { figures { indicators { code orgUnitId numerator denominator value } } } }`,
        { id: draft.id, v: written.version },
        { as: labourHead },
      ),
    ).submitReport;
    const reported = (r: any) => r.figures.indicators.filter((f: any) => f.code === 'IND-4.2');

    // Found: the person's records in each agency, by code.
    const found = dataOf(
      await system.query(`query($code: String!) { harmReductionContacts(filter: { clientCode: $code }) { totalCount } }`, { code }, { as: healthHead }),
    );
    expect(found.harmReductionContacts.totalCount).toBe(1);

    // Only the heads erase.
    const refused = await system.query(
      `mutation($code: String!) { eraseSupportClient(code: $code) { records } }`,
      { code },
      { as: caller('LABOUR', 'AGENCY_OFFICER') },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const labour = dataOf(
      await system.query(`mutation($code: String!) { eraseSupportClient(code: $code) { records erasedOn } }`, { code }, { as: labourHead }),
    );
    expect(labour.eraseSupportClient.records).toBe(2);
    const health = dataOf(await system.query(`mutation($code: String!) { eraseHarmReductionClient(code: $code) { records } }`, { code }, { as: healthHead }));
    expect(health.eraseHarmReductionClient.records).toBe(1);

    for (const [subgraph, table, column] of [
      ['labour', 'support_client', 'code'],
      ['health', 'harm_reduction_contact', 'client_code'],
    ]) {
      const [{ count }] = await system.subgraphs[subgraph].dataSource.query(`SELECT count(*)::int AS count FROM ${table} WHERE ${column} = $1`, [code]);
      expect(count).toBe(0);
      const [{ audited }] = await system.subgraphs[subgraph].dataSource.query(
        `SELECT count(*)::int AS audited FROM audit_log WHERE $1 = ANY(entity_ids) OR $1 = ANY(fields)`,
        [code],
      );
      expect(audited).toBe(0);
    }
    // The submitted report keeps its numbers; live, the person still counts as in need
    // (the denominator) but can no longer be matched across agencies.
    const report = dataOf(
      await system.query(
        `query($id: ID!) { report(id: $id) { figures { indicators { code orgUnitId numerator denominator value } } } }`,
        { id: draft.id },
        { as: labourHead },
      ),
    ).report;
    expect(reported(report)).toEqual(reported(submitted));
    expect(dataOf(await system.query(IND42, {}, { as: labourHead })).indicator.result.denominator).toBe(before.denominator);
    const again = await system.query(`mutation($code: String!) { eraseSupportClient(code: $code) { records } }`, { code }, { as: labourHead });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
