import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase, statementCounter } from './db/database';
import { paginate } from './pagination';

@Entity('page_probe')
class Probe {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  heldOn: string;
}

/** Keyset pagination against a real table: seven rows, two of them on the same day. */
let dataSource: DataSource;
const url = (() => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/pagination_${process.pid}`;
  return u.toString();
})();
const ROWS = [
  ['g', '2024-01-05'],
  ['a', '2024-01-03'],
  ['c', '2024-01-01'],
  ['b', '2024-01-03'],
  ['e', '2024-01-02'],
  ['d', '2024-01-04'],
  ['f', '2024-01-06'],
];
// Ordered by (held_on, id): c(1st) e(2nd) a b (both 3rd, by id) d g f.
const ORDER = ['c', 'e', 'a', 'b', 'd', 'g', 'f'];

beforeAll(async () => {
  await ensureDatabase(url);
  dataSource = await createDataSource({ url, entities: [Probe], migrations: [] }).initialize();
  await dataSource.query('CREATE TABLE page_probe (id text PRIMARY KEY, held_on text NOT NULL)');
  await dataSource.query(`INSERT INTO page_probe VALUES ${ROWS.map(([id, on]) => `('${id}', '${on}')`).join(', ')}`);
});
afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(url);
});

const page = (first?: number | null, after?: string | null) =>
  paginate(dataSource.getRepository(Probe).createQueryBuilder('p'), { first, after, sortColumn: 'held_on', sortKey: (r) => r.heldOn });
const inputError = async (run: Promise<unknown>) =>
  run.then(
    () => null,
    (e) => ({ code: e.extensions?.code, field: e.extensions?.field }),
  );

test('pages of 3 walk every row once, in (sort key, id) order, ties broken by id', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  const shapes: [number, boolean][] = [];
  for (;;) {
    const p = await page(3, after);
    expect(await p.totalCount).toBe(7);
    seen.push(...p.nodes.map((n) => n.id));
    shapes.push([p.nodes.length, p.pageInfo.hasNextPage]);
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  expect(seen).toEqual(ORDER);
  expect(shapes).toEqual([
    [3, true],
    [3, true],
    [1, false],
  ]);
});

test('a row added before the cursor does not shift the next page', async () => {
  const first = await page(2);
  expect(first.nodes.map((n) => n.id)).toEqual(['c', 'e']);
  await dataSource.query(`INSERT INTO page_probe VALUES ('0', '2023-12-31')`);
  try {
    expect((await page(2, first.pageInfo.endCursor)).nodes.map((n) => n.id)).toEqual(['a', 'b']);
  } finally {
    await dataSource.query(`DELETE FROM page_probe WHERE id = '0'`);
  }
});

test('the default page is 50; an empty page has no cursor', async () => {
  const all = await page();
  expect(all.nodes).toHaveLength(7);
  expect(all.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: expect.any(String), endCursor: expect.any(String) });
  const none = await paginate(dataSource.getRepository(Probe).createQueryBuilder('p').where('p.id = :id', { id: 'none' }), {
    sortColumn: 'held_on',
    sortKey: (r) => r.heldOn,
  });
  expect({ ...none, totalCount: await none.totalCount }).toEqual({
    nodes: [],
    edges: [],
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  });
});

test('a page sends one statement, and counts the total with one more only when totalCount is read, once', async () => {
  const statements = () => statementCounter(dataSource).statements;
  const before = statements();
  const p = await page(3);
  expect(p.nodes.map((n) => n.id)).toEqual(['c', 'e', 'a']);
  expect(statements() - before).toBe(1);
  expect(await p.totalCount).toBe(7);
  expect(await p.totalCount).toBe(7);
  expect(statements() - before).toBe(2);
});

test("edges carry each record with its cursor (Relay): a page after an edge's cursor starts right after that record", async () => {
  const first = await page(3);
  expect(first.edges.map((e) => e.node.id)).toEqual(['c', 'e', 'a']);
  expect(first.edges.map((e) => e.node)).toEqual(first.nodes);
  expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
  expect(first.pageInfo.endCursor).toBe(first.edges[2].cursor);
  // After the second record's cursor: the third onwards; a page asked after a cursor has records before it.
  const next = await page(2, first.edges[1].cursor);
  expect(next.nodes.map((n) => n.id)).toEqual(['a', 'b']);
  expect(next.pageInfo.hasPreviousPage).toBe(true);
  expect(first.pageInfo.hasPreviousPage).toBe(false);
});

test('first outside 1..500 and a forged cursor are input errors on their field', async () => {
  expect(await inputError(page(0))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  expect(await inputError(page(501))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  expect(await inputError(page(2.5))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  expect(await inputError(page(2, 'not-a-cursor'))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  expect(await inputError(page(2, Buffer.from(JSON.stringify([1, 2])).toString('base64url')))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
});

const back = (last?: number | null, before?: string | null, first?: number | null) =>
  paginate(dataSource.getRepository(Probe).createQueryBuilder('p'), { last, before, first, sortColumn: 'held_on', sortKey: (r) => r.heldOn });

test('pages of 3 read backward walk every row once, each page in the list order', async () => {
  const pages: string[][] = [];
  let before: string | null = null;
  for (;;) {
    const p = await back(3, before);
    expect(await p.totalCount).toBe(7);
    pages.push(p.nodes.map((n) => n.id));
    // A page read before a cursor has records after it; more come before it while hasPreviousPage.
    expect(p.pageInfo.hasNextPage).toBe(before !== null);
    if (!p.pageInfo.hasPreviousPage) break;
    before = p.pageInfo.startCursor;
  }
  // ORDER's last three, the three before them, then the first.
  expect(pages).toEqual([['d', 'g', 'f'], ['e', 'a', 'b'], ['c']]);
  expect(pages.reverse().flat()).toEqual(ORDER);
});

test("forward and backward meet: the page before a forward page's start is the page before it", async () => {
  const second = await page(2, (await page(2)).pageInfo.endCursor); // a b
  const previous = await back(2, second.pageInfo.startCursor);
  expect(previous.nodes.map((n) => n.id)).toEqual(['c', 'e']);
  expect(previous.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  // `after` and `before` together bound the page on both sides: between c and f, the last two are d g.
  const between = await paginate(dataSource.getRepository(Probe).createQueryBuilder('p'), {
    after: previous.edges[0].cursor,
    before: (await back(1)).pageInfo.startCursor,
    last: 2,
    sortColumn: 'held_on',
    sortKey: (r) => r.heldOn,
  });
  expect(between.nodes.map((n) => n.id)).toEqual(['d', 'g']);
});

test('last outside 1..500, first with last, and a forged `before` are input errors on their field', async () => {
  expect(await inputError(back(0))).toEqual({ code: 'BAD_USER_INPUT', field: 'last' });
  expect(await inputError(back(501))).toEqual({ code: 'BAD_USER_INPUT', field: 'last' });
  expect(await inputError(back(2, null, 2))).toEqual({ code: 'BAD_USER_INPUT', field: 'last' });
  expect(await inputError(back(2, 'not-a-cursor'))).toEqual({ code: 'BAD_USER_INPUT', field: 'before' });
  expect(await inputError(back(2, Buffer.from(JSON.stringify([1, 2])).toString('base64url')))).toEqual({ code: 'BAD_USER_INPUT', field: 'before' });
});
