import { territory } from '@qn/common';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/** The generated data set agrees with itself across agencies, as the validation would demand of real input. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ sampleData: true });
});
afterAll(() => system.stop());

const REFORM = '2025-07-01';

test("health's checks and labour's outreach point at registered businesses, where the business stood on their date, while they operate", async () => {
  const businesses: { id: string; district_id: string | null; commune_id: string | null; commune_after_reform_id: string | null; opened_on: string; closed_on: string | null }[] =
    await system.subgraphs.police.dataSource.query('SELECT id, district_id, commune_id, commune_after_reform_id, opened_on, closed_on FROM service_business');
  const byId = new Map(businesses.map((b) => [b.id, b]));
  const links = [
    ...(await system.subgraphs.health.dataSource.query('SELECT business_id, district_id, commune_id, checked_on AS day FROM periodic_health_check')),
    ...(await system.subgraphs.labour.dataSource.query('SELECT business_id, district_id, commune_id, held_on AS day FROM business_outreach')),
  ] as { business_id: string; district_id: string | null; commune_id: string | null; day: string }[];
  expect(links.length).toBeGreaterThan(500);
  const after = links.filter((l) => l.day >= REFORM);
  expect(after.length).toBeGreaterThan(50);
  const wrong = links.filter((link) => {
    const business = byId.get(link.business_id);
    if (!business || link.day < business.opened_on || (business.closed_on !== null && link.day > business.closed_on)) return true;
    // Before 1/7/2025 the business's district (and commune where both name one); from then its commune-level unit and no district.
    return link.day < REFORM
      ? business.district_id !== link.district_id || (link.commune_id !== null && business.commune_id !== null && link.commune_id !== business.commune_id)
      : link.district_id !== null || link.commune_id === null || link.commune_id !== business.commune_after_reform_id;
  });
  expect(wrong.slice(0, 5)).toEqual([]);
});

test('no record dated from 1/7/2025 has a district: each names one of the 56 units of the plan valid on its date', async () => {
  const units = new Set(territory.list({ level: 'COMMUNE', at: REFORM, inPlanScope: true }).map((u) => u.id));
  expect(units.size).toBe(56);
  const q = (subgraph: string, sql: string) => system.subgraphs[subgraph].dataSource.query(sql) as Promise<{ district_id: string | null; commune_id: string | null; day: string }[]>;
  const records: Record<string, { district_id: string | null; commune_id: string | null; day: string }[]> = {
    tips: await q('police', 'SELECT district_id, commune_id, received_on AS day FROM tip'),
    cases: await q('police', 'SELECT district_id, commune_id, opened_on AS day FROM criminal_case'),
    businesses: await q('police', 'SELECT district_id, commune_after_reform_id AS commune_id, opened_on AS day FROM service_business'),
    contacts: await q('health', 'SELECT district_id, commune_id, contacted_on AS day FROM harm_reduction_contact'),
    checks: await q('health', 'SELECT district_id, commune_id, checked_on AS day FROM periodic_health_check'),
    outreach: await q('labour', 'SELECT district_id, commune_id, held_on AS day FROM business_outreach'),
  };
  for (const [kind, rows] of Object.entries(records)) {
    const late = rows.filter((r) => r.day >= REFORM);
    // Every kind continues after the reform (the 2025 cut-off is 14/12/2025).
    expect([kind, late.length > 0]).toEqual([kind, true]);
    expect([kind, late.filter((r) => r.district_id !== null || !units.has(r.commune_id ?? ''))]).toEqual([kind, []]);
    expect([kind, rows.filter((r) => r.day < REFORM && r.district_id === null)]).toEqual([kind, []]);
  }
  // A business operating after 30/6/2025 carries its unit from then; one closed before does not.
  const operating: { id: string; commune_after_reform_id: string | null; closed_on: string | null }[] = await system.subgraphs.police.dataSource.query(
    'SELECT id, commune_after_reform_id, closed_on FROM service_business',
  );
  expect(operating.filter((b) => (b.closed_on === null || b.closed_on >= REFORM) !== (b.commune_after_reform_id !== null))).toEqual([]);
  expect(operating.filter((b) => b.commune_after_reform_id !== null && !units.has(b.commune_after_reform_id))).toEqual([]);
});

test('every one of the 70 tasks answers its 2024 progress through the gateway: records where kept, registry entries for the rest', async () => {
  const response = await system.query('{ tasks { id progressSource progress(period: "2024") { count status values { measure value } } } }', {}, { as: caller('LABOUR', 'COORDINATOR') });
  const tasks = dataOf(response).tasks as { id: string; progressSource: string; progress: { count: number; status: string | null } | null }[];
  expect(tasks).toHaveLength(70);
  expect(tasks.filter((t) => t.progress === null).map((t) => t.id)).toEqual([]);
  // 27 counted from records (no status), 43 entered in the registry (with one).
  expect(tasks.filter((t) => t.progressSource === 'RECORDS' && t.progress!.status === null)).toHaveLength(27);
  expect(tasks.filter((t) => t.progressSource === 'REGISTRY' && t.progress!.status !== null)).toHaveLength(43);
});
