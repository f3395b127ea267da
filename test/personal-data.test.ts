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
  const tip = dataOf(await system.query(
    `mutation($notes: String!) { receiveTip(input: { kind: CRIME_REPORT, channel: HOTLINE, districtId: "522", receivedOn: "2025-03-03", notes: $notes }) { id notes } }`,
    { notes },
  )).receiveTip;
  expect(tip.notes).toBe(notes);
  const [row] = await system.subgraphs.police.dataSource.query('SELECT notes FROM tip WHERE id = $1', [tip.id]);
  expect(row.notes).toMatch(/^v1:/);
  expect(row.notes).not.toContain('karaoke');
  const read = dataOf(await system.query(`query { tips(filter: { period: "2025Q1", districtId: "522" }, first: 500) { nodes { id notes } } }`));
  expect(read.tips.nodes.find((t: { id: string }) => t.id === tip.id).notes).toBe(notes);
});
