import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase, statementCounter } from './db/database';
import { DATA_VERSION_SQL, dataVersionSql } from './db/data-version';
import { userInputError } from './errors';
import { inPeriod, measureLoader, MeasureSql } from './indicators';
import { DEFAULT_MEASURE_CACHE_ENTRIES, MEASURE_CACHE_ENV, MeasureCache, measureCacheEntries } from './measure-cache';
import { parsePeriod } from './periods';
import { territory } from './territory';

describe('MeasureCache', () => {
  test('an entry is served only at the version it was kept under', () => {
    const cache = new MeasureCache(10);
    cache.set('5', 'A|2024|QN', { numerator: 3, denominator: 4 });
    expect(cache.get('5', 'A|2024|QN')).toEqual({ numerator: 3, denominator: 4 });
    expect(cache.get('5', 'A|2023|QN')).toBeUndefined();
    expect(cache.get('6', 'A|2024|QN')).toBeUndefined();
  });

  test('a newer version drops every older entry; one computed at an older version than seen is not kept', () => {
    const cache = new MeasureCache(10);
    cache.set('5', 'a', { numerator: 1, denominator: null });
    cache.set('5', 'b', { numerator: 2, denominator: null });
    expect(cache.get('6', 'a')).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('5', 'a', { numerator: 1, denominator: null });
    expect(cache.size).toBe(0);
    expect(cache.get('5', 'a')).toBeUndefined();
    // Versions are compared as numbers, not as text ('10' > '9').
    cache.set('10', 'a', { numerator: 10, denominator: null });
    cache.set('9', 'a', { numerator: 9, denominator: null });
    expect(cache.get('10', 'a')).toEqual({ numerator: 10, denominator: null });
  });

  test('holds at most max entries, the least recently used going first', () => {
    const cache = new MeasureCache(2);
    cache.set('1', 'a', { numerator: 1, denominator: null });
    cache.set('1', 'b', { numerator: 2, denominator: null });
    cache.get('1', 'a');
    cache.set('1', 'c', { numerator: 3, denominator: null });
    expect(cache.size).toBe(2);
    expect(cache.get('1', 'b')).toBeUndefined();
    expect(cache.get('1', 'a')).toEqual({ numerator: 1, denominator: null });
    expect(cache.get('1', 'c')).toEqual({ numerator: 3, denominator: null });
  });

  test('a caller changing what it got changes nothing kept', () => {
    const cache = new MeasureCache(2);
    const measure = { numerator: 1, denominator: 2 };
    cache.set('1', 'a', measure);
    measure.numerator = 99;
    cache.get('1', 'a')!.numerator = 98;
    expect(cache.get('1', 'a')).toEqual({ numerator: 1, denominator: 2 });
  });

  test(`${MEASURE_CACHE_ENV}: a whole number of entries, 0 keeps none, the default otherwise`, () => {
    expect(measureCacheEntries({})).toBe(DEFAULT_MEASURE_CACHE_ENTRIES);
    expect(measureCacheEntries({ [MEASURE_CACHE_ENV]: '' })).toBe(DEFAULT_MEASURE_CACHE_ENTRIES);
    expect(measureCacheEntries({ [MEASURE_CACHE_ENV]: '500' })).toBe(500);
    expect(measureCacheEntries({ [MEASURE_CACHE_ENV]: '0' })).toBe(0);
    for (const bad of ['-1', '1.5', 'many']) expect(() => measureCacheEntries({ [MEASURE_CACHE_ENV]: bad })).toThrow(MEASURE_CACHE_ENV);
  });
});

/** measureLoader against a real table that carries a data version: what is kept, what is computed, in how many statements. */
describe('measureLoader keeps measures by data version', () => {
  let dataSource: DataSource;
  const url = (() => {
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/measure_cache_${process.pid}`;
    return u.toString();
  })();
  const DEFINITIONS: Record<string, MeasureSql> = {
    // The probes' sum over the period, and how many rows it adds.
    SUM: (request, p) => `SELECT coalesce(sum(n), 0) AS numerator, count(*) AS denominator FROM probe WHERE true ${inPeriod('held_on', request, p)}`,
    REFUSED: () => {
      throw userInputError('orgUnit', 'this measure cannot be asked');
    },
  };
  const ask = (code: string, period: string) => ({ code, period: parsePeriod(period), orgUnit: territory.province });
  const statements = () => statementCounter(dataSource).statements;
  /** One request's loader asking `asks`; the measures and the statements it sent. */
  const request = async (asks: [string, string][], cache: MeasureCache | null) => {
    const before = statements();
    const loader = measureLoader(dataSource, DEFINITIONS, { cache });
    const measures = await loader.loadMany(asks.map(([code, period]) => ask(code, period)));
    return { measures, statements: statements() - before };
  };
  const insert = (heldOn: string, n: number) => dataSource.query('INSERT INTO probe (held_on, n) VALUES ($1, $2)', [heldOn, n]);
  const version = async () => (await dataSource.query(DATA_VERSION_SQL))[0].version as string;

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = await createDataSource({ url, entities: [], migrations: [] }).initialize();
    await dataSource.query('CREATE TABLE probe (held_on date NOT NULL, n integer NOT NULL)');
    for (const sql of dataVersionSql(['probe'])) await dataSource.query(sql);
    await insert('2024-02-01', 2);
    await insert('2024-05-01', 3);
    await insert('2023-05-01', 7);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  test('computed once in one statement with the version; asked again, only the version is read; a write gives the new number at once', async () => {
    const cache = new MeasureCache(100);
    const first = await request(
      [
        ['SUM', '2024'],
        ['SUM', '2024Q1'],
        ['SUM', '2023'],
      ],
      cache,
    );
    // 2024: 2 + 3 over two rows; 2024Q1: the February row; 2023: the one row of 7.
    expect(first.measures).toEqual([
      { numerator: 5, denominator: 2 },
      { numerator: 2, denominator: 1 },
      { numerator: 7, denominator: 1 },
    ]);
    expect(first.statements).toBe(2);
    expect(cache.size).toBe(3);
    const again = await request(
      [
        ['SUM', '2024'],
        ['SUM', '2024Q1'],
      ],
      cache,
    );
    expect(again.measures).toEqual(first.measures.slice(0, 2));
    expect(again.statements).toBe(1);
    await insert('2024-03-01', 10);
    const after = await request(
      [
        ['SUM', '2024'],
        ['SUM', '2023'],
      ],
      cache,
    );
    // The new March row: 2024 is 15 over three rows; 2023 is unchanged but computed again at the new version.
    expect(after.measures).toEqual([
      { numerator: 15, denominator: 3 },
      { numerator: 7, denominator: 1 },
    ]);
    expect(after.statements).toBe(2);
  });

  test('only the measures not kept are computed, in the same one statement', async () => {
    const cache = new MeasureCache(100);
    await request([['SUM', '2024']], cache);
    const sent: string[] = [];
    const real = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(((sql: string, parameters?: unknown[]) => {
      sent.push(sql);
      return real(sql, parameters);
    }) as DataSource['query']);
    try {
      const mixed = await request(
        [
          ['SUM', '2024'],
          ['SUM', '2024Q2'],
        ],
        cache,
      );
      expect(mixed.measures).toEqual([
        { numerator: 15, denominator: 3 },
        { numerator: 3, denominator: 1 },
      ]);
    } finally {
      spy.mockRestore();
    }
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(DATA_VERSION_SQL);
    // One part for 2024Q2 only, and the version read in the same statement.
    expect(sent[1].match(/UNION ALL/g)).toBeNull();
    expect(sent[1]).toContain(DATA_VERSION_SQL);
  });

  test('a write between the version read and the computation: the answer is the new data, kept under the version it was computed at', async () => {
    const cache = new MeasureCache(100);
    const seen = await version();
    const writer = new Client({ connectionString: url });
    await writer.connect();
    const real = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation((async (sql: string, parameters?: unknown[]) => {
      const rows = await real(sql, parameters);
      // Another process commits a write just after this request read the version.
      if (sql === DATA_VERSION_SQL) await writer.query("INSERT INTO probe (held_on, n) VALUES ('2022-06-01', 4)");
      return rows;
    }) as DataSource['query']);
    let raced;
    try {
      raced = await request([['SUM', '2022']], cache);
    } finally {
      spy.mockRestore();
      await writer.end();
    }
    expect(raced.measures).toEqual([{ numerator: 4, denominator: 1 }]);
    const now = await version();
    expect(BigInt(now)).toBe(BigInt(seen) + 1n);
    // Not under the version the request read (the data then had no 2022 row), but under the one it was computed at.
    expect(cache.get(seen, `SUM|2022|${territory.province.id}`)).toBeUndefined();
    expect(cache.get(now, `SUM|2022|${territory.province.id}`)).toEqual({ numerator: 4, denominator: 1 });
    expect((await request([['SUM', '2022']], cache)).statements).toBe(1);
  });

  test('a refused request fails alone and is not kept; the cache turned off reads no version', async () => {
    const cache = new MeasureCache(100);
    const mixed = await request(
      [
        ['REFUSED', '2024'],
        ['SUM', '2023'],
      ],
      cache,
    );
    expect(mixed.measures[0]).toBeInstanceOf(Error);
    expect(mixed.measures[1]).toEqual({ numerator: 7, denominator: 1 });
    expect(cache.size).toBe(1);
    const again = await request([['REFUSED', '2024']], cache);
    expect(again.measures[0]).toBeInstanceOf(Error);
    // The version only: a refusal is decided before any SQL.
    expect(again.statements).toBe(1);
    const off = await request([['SUM', '2023']], null);
    expect(off).toEqual({ measures: [{ numerator: 7, denominator: 1 }], statements: 1 });
  });

  test('a data source bound to a transaction neither reads nor fills the cache: it sees its own writes before they commit', async () => {
    const cache = new MeasureCache(100);
    await request([['SUM', '2021']], cache);
    const kept = cache.size;
    await dataSource
      .transaction(async (manager) => {
        await manager.query("INSERT INTO probe (held_on, n) VALUES ('2021-06-01', 6)");
        const view = new Proxy(dataSource, {
          get: (target, property) => (property === 'manager' ? manager : property === 'query' ? manager.query.bind(manager) : Reflect.get(target, property)),
        });
        const inside = await measureLoader(view, DEFINITIONS, { cache }).load(ask('SUM', '2021'));
        expect(inside).toEqual({ numerator: 6, denominator: 1 });
        throw new Error('rolled back');
      })
      .catch((error: Error) => expect(error.message).toBe('rolled back'));
    expect(cache.size).toBe(kept);
    expect((await request([['SUM', '2021']], cache)).measures).toEqual([{ numerator: 0, denominator: 0 }]);
  });
});
