import { Client } from 'pg';
import { dropDatabase, ensureDatabase, MIGRATION_LOCK, openDatabase, subgraphDataSource } from '@qn/common';
import { loadSubgraph } from '../scripts/subgraphs';
import { InstitutionUnitAfterReform1796160300000 } from '../subgraphs/education/src/db/migrations/1796160300000-InstitutionUnitAfterReform';
import { PlaceAfterReform1796160000000 } from '../subgraphs/police/src/db/migrations/1796160000000-PlaceAfterReform';

/** Replicas that start together migrate one at a time: the database's advisory lock. */
const url = (name: string) => {
  const target = new URL(process.env.DATABASE_URL!);
  target.pathname = `/t${process.pid}_${name}`;
  return target.toString();
};
const police = loadSubgraph('police');

test('three replicas starting at once on a new database all start, and each migration is applied once', async () => {
  const database = url('replicas');
  const sources = [1, 2, 3].map(() => subgraphDataSource(police, database));
  try {
    await Promise.all(sources.map((source) => openDatabase(source)));
    const applied = await sources[0].query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
    expect(applied.length).toBe(sources[0].migrations.length);
    expect(applied.every((row: { n: number }) => row.n === 1)).toBe(true);
    for (const source of sources) expect(await source.showMigrations()).toBe(false);
  } finally {
    for (const source of sources) if (source.isInitialized) await source.destroy();
    await dropDatabase(database);
  }
});

test('a replica waits while another holds the migration lock, then finds the schema it needs', async () => {
  const database = url('waiting');
  await ensureDatabase(database);
  const holder = new Client({ connectionString: database });
  await holder.connect();
  const source = subgraphDataSource(police, database);
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    let opened = false;
    const opening = openDatabase(source).then(() => {
      opened = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(opened).toBe(false);
    const { rows } = await holder.query("SELECT to_regclass('public.migrations') AS table");
    expect(rows[0].table).toBeNull();
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await opening;
    expect(await source.showMigrations()).toBe(false);
  } finally {
    await holder.end();
    if (source.isInitialized) await source.destroy();
    await dropDatabase(database);
  }
});

test("education's institutions registered before they carried a unit of 1/7/2025 get the one the succession table gives, where it gives one", async () => {
  const database = url('institutions');
  const source = subgraphDataSource(loadSubgraph('education'), database);
  try {
    await openDatabase(source);
    const insert = (name: string, districtId: string, communeId: string | null) =>
      source.query("INSERT INTO institution (name, kind, district_id, commune_id, version) VALUES ($1, 'UPPER_SECONDARY', $2, $3, 1)", [
        name,
        districtId,
        communeId,
      ]);
    await insert('Châu Ổ', '524', '21040'); //       Thị trấn Châu Ổ → Xã Bình Sơn, whole
    await insert('Lý Sơn', '536', null); //          Huyện Lý Sơn → Đặc khu Lý Sơn
    await insert('Trà Bùi', '525', '21142'); //      split between Cà Đam and Tây Trà Bồng: left for education to name
    await insert('Bình Sơn, no commune', '524', null); // a district became several units: left too
    const runner = source.createQueryRunner();
    await new InstitutionUnitAfterReform1796160300000().up(runner);
    await runner.release();
    const rows = await source.query('SELECT name, commune_after_reform_id AS unit FROM institution ORDER BY name');
    expect(rows).toEqual([
      { name: 'Bình Sơn, no commune', unit: null },
      { name: 'Châu Ổ', unit: '21040-2025-07' },
      { name: 'Lý Sơn', unit: '21548' },
      { name: 'Trà Bùi', unit: null },
    ]);
  } finally {
    if (source.isInitialized) await source.destroy();
    await dropDatabase(database);
  }
});

test("police's businesses registered before the reform get their unit of 1/7/2025 where the succession table gives one, if they still operate", async () => {
  const database = url('businesses');
  const source = subgraphDataSource(police, database);
  try {
    await openDatabase(source);
    // Back to the schema before the migration, with the registry as it was.
    const runner = source.createQueryRunner();
    await new PlaceAfterReform1796160000000().down(runner);
    const insert = (name: string, districtId: string, communeId: string | null, closedOn: string | null = null) =>
      source.query(
        "INSERT INTO service_business (name, kind, district_id, commune_id, employees, opened_on, closed_on, version) VALUES ($1, 'KARAOKE', $2, $3, 5, '2019-01-01', $4, 1)",
        [name, districtId, communeId, closedOn],
      );
    await insert('Bình Thạnh', '524', '21046'); //        → Xã Bình Sơn, whole
    await insert('Lý Sơn', '536', null); //               Huyện Lý Sơn → Đặc khu Lý Sơn
    await insert('Nghĩa Mỹ', '528', '21286'); //          1/1/2025 into Sông Vệ, then Xã Vệ Giang
    await insert('Trà Bùi', '525', '21142'); //           split: left for police to name
    await insert('Bình Sơn, no commune', '524', null); // a district became several units: left too
    await insert('Closed', '524', '21046', '2025-06-30'); // closed before the reform: none
    await new PlaceAfterReform1796160000000().up(runner);
    await runner.release();
    const rows = await source.query('SELECT name, commune_after_reform_id AS unit FROM service_business ORDER BY name');
    expect(rows).toEqual([
      { name: 'Bình Sơn, no commune', unit: null },
      { name: 'Bình Thạnh', unit: '21040-2025-07' },
      { name: 'Closed', unit: null },
      { name: 'Lý Sơn', unit: '21548' },
      { name: 'Nghĩa Mỹ', unit: '21238-2025-07' },
      { name: 'Trà Bùi', unit: null },
    ]);
  } finally {
    if (source.isInitialized) await source.destroy();
    await dropDatabase(database);
  }
});
