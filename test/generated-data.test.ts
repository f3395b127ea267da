import { caller, dataOf, startSystem, TestSystem } from './harness';

/** The generated data set agrees with itself across agencies, as the validation would demand of real input. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ sampleData: true });
});
afterAll(() => system.stop());

test("health's checks and labour's outreach point at registered businesses, in their district, while they operate", async () => {
  const businesses: { id: string; district_id: string; opened_on: string; closed_on: string | null }[] = await system.subgraphs.police.dataSource.query(
    'SELECT id, district_id, opened_on, closed_on FROM service_business',
  );
  const byId = new Map(businesses.map((b) => [b.id, b]));
  const links = [
    ...(await system.subgraphs.health.dataSource.query('SELECT business_id, district_id, checked_on AS day FROM periodic_health_check')),
    ...(await system.subgraphs.labour.dataSource.query('SELECT business_id, district_id, held_on AS day FROM business_outreach')),
  ] as { business_id: string; district_id: string; day: string }[];
  expect(links.length).toBeGreaterThan(500);
  const wrong = links.filter((link) => {
    const business = byId.get(link.business_id);
    return !business || business.district_id !== link.district_id || link.day < business.opened_on || (business.closed_on !== null && link.day > business.closed_on);
  });
  expect(wrong.slice(0, 5)).toEqual([]);
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
