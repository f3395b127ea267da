import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase, statementCounter } from './db/database';
import { dataVersionSql, TABLE_VERSIONS_SQL, tablesNamed } from './db/data-version';
import { userInputError } from './errors';
import { inPeriod, measureLoader, MeasureSql } from './indicators';
import { DEFAULT_MEASURE_CACHE_ENTRIES, MEASURE_CACHE_ENV, MeasureCache, measureCacheEntries } from './measure-cache';
import { parsePeriod } from './periods';
import { territory } from './territory';

describe('MeasureCache', () => {
  const at = (probe: number, other = 1): Record<string, string> => ({ probe: String(probe), other: String(other) });

  test('an entry is served only while the tables it was computed from keep their versions', () => {
    const cache = new MeasureCache(10);
    cache.set(at(5), 'A|2024|QN', { numerator: 3, denominator: 4 }, ['probe']);
    expect(cache.get(at(5), 'A|2024|QN')).toEqual({ numerator: 3, denominator: 4 });
    expect(cache.get(at(5), 'A|2023|QN')).toBeUndefined();
    // Another table written: still served.
    expect(cache.get(at(5, 2), 'A|2024|QN')).toEqual({ numerator: 3, denominator: 4 });
    // Its own table written: dropped.
    expect(cache.get(at(6, 2), 'A|2024|QN')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test('an entry of two tables goes with a write to either; one of none stays', () => {
    const cache = new MeasureCache(10);
    cache.set(at(1, 1), 'both', { numerator: 1, denominator: null }, ['other', 'probe']);
    cache.set(at(1, 1), 'none', { numerator: 2, denominator: null }, []);
    expect(cache.get(at(1, 2), 'both')).toBeUndefined();
    expect(cache.get(at(9, 9), 'none')).toEqual({ numerator: 2, denominator: null });
    cache.set(at(1, 1), 'both', { numerator: 1, denominator: null }, ['other', 'probe']);
    expect(cache.get(at(2, 1), 'both')).toBeUndefined();
    // A snapshot older than the entry's is not served it either (the versions must be equal), and leaves it kept.
    cache.set(at(3, 1), 'both', { numerator: 3, denominator: null }, ['other', 'probe']);
    expect(cache.get(at(2, 1), 'both')).toBeUndefined();
    expect(cache.get(at(3, 1), 'both')).toEqual({ numerator: 3, denominator: null });
    // Counters compare as numbers, not as text ('10' > '9').
    cache.set(at(10, 1), 'both', { numerator: 10, denominator: null }, ['other', 'probe']);
    expect(cache.get(at(9, 1), 'both')).toBeUndefined();
    expect(cache.get(at(10, 1), 'both')).toEqual({ numerator: 10, denominator: null });
  });

  test('holds at most max entries, the least recently used going first', () => {
    const cache = new MeasureCache(2);
    cache.set(at(1), 'a', { numerator: 1, denominator: null }, ['probe']);
    cache.set(at(1), 'b', { numerator: 2, denominator: null }, ['probe']);
    cache.get(at(1), 'a');
    cache.set(at(1), 'c', { numerator: 3, denominator: null }, ['probe']);
    expect(cache.size).toBe(2);
    expect(cache.get(at(1), 'b')).toBeUndefined();
    expect(cache.get(at(1), 'a')).toEqual({ numerator: 1, denominator: null });
    expect(cache.get(at(1), 'c')).toEqual({ numerator: 3, denominator: null });
  });

  test('a caller changing what it got changes nothing kept', () => {
    const cache = new MeasureCache(2);
    const measure = { numerator: 1, denominator: 2 };
    cache.set(at(1), 'a', measure, ['probe']);
    measure.numerator = 99;
    cache.get(at(1), 'a')!.numerator = 98;
    expect(cache.get(at(1), 'a')).toEqual({ numerator: 1, denominator: 2 });
  });

  test('the tables a statement names: whole names only, not inside string literals; none when it names bookkeeping', () => {
    const versions = { tip: '1', tip_source: '2', inspection: '3', service_business: '4' };
    expect(tablesNamed('SELECT count(*) FROM tip t JOIN "service_business" b ON b.id = t.business_id', versions)).toEqual(['service_business', 'tip']);
    expect(tablesNamed("SELECT count(*) FROM tip_source WHERE kind = 'inspection'", versions)).toEqual(['tip_source']);
    expect(tablesNamed('SELECT count(*) FROM public.INSPECTION i', versions)).toEqual(['inspection']);
    expect(tablesNamed('SELECT count(*) FROM audit_log', versions)).toBeNull();
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
    // The rows of another table in the period.
    OTHER: (request, p) => `SELECT count(*) AS numerator, NULL AS denominator FROM other_probe WHERE true ${inPeriod('held_on', request, p)}`,
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
  /** Runs `work` with every statement the data source sends recorded in `sent`. */
  const sending = async (work: (sent: string[]) => Promise<void>) => {
    const sent: string[] = [];
    const real = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(((sql: string, parameters?: unknown[]) => {
      sent.push(sql);
      return real(sql, parameters);
    }) as DataSource['query']);
    try {
      await work(sent);
    } finally {
      spy.mockRestore();
    }
    return { sent };
  };
  const insert = (heldOn: string, n: number) => dataSource.query('INSERT INTO probe (held_on, n) VALUES ($1, $2)', [heldOn, n]);
  const versions = async () => JSON.parse((await dataSource.query(TABLE_VERSIONS_SQL))[0].versions) as Record<string, string>;

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = await createDataSource({ url, entities: [], migrations: [] }).initialize();
    await dataSource.query('CREATE TABLE probe (held_on date NOT NULL, n integer NOT NULL)');
    await dataSource.query('CREATE TABLE other_probe (held_on date NOT NULL)');
    for (const sql of dataVersionSql(['probe', 'other_probe'])) await dataSource.query(sql);
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
    const { sent } = await sending(async () => {
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
    });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(TABLE_VERSIONS_SQL);
    // One part for 2024Q2 only, and the versions read in the same statement (its one UNION ALL).
    expect(sent[1].match(/ AS i, /g)).toHaveLength(1);
    expect(sent[1].match(/UNION ALL/g)).toHaveLength(1);
    expect(sent[1]).toContain(TABLE_VERSIONS_SQL);
  });

  test('a write between the version read and the computation: the answer is the new data, kept under the version it was computed at', async () => {
    const cache = new MeasureCache(100);
    const seen = await versions();
    const writer = new Client({ connectionString: url });
    await writer.connect();
    const real = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation((async (sql: string, parameters?: unknown[]) => {
      const rows = await real(sql, parameters);
      // Another process commits a write just after this request read the version.
      if (sql === TABLE_VERSIONS_SQL) await writer.query("INSERT INTO probe (held_on, n) VALUES ('2022-06-01', 4)");
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
    const now = await versions();
    expect(BigInt(now.probe)).toBe(BigInt(seen.probe) + 1n);
    // Not with the versions the request read (the data then had no 2022 row), but with the ones it was computed at.
    expect(cache.get(seen, `SUM|2022|${territory.province.id}`)).toBeUndefined();
    expect(cache.get(now, `SUM|2022|${territory.province.id}`)).toEqual({ numerator: 4, denominator: 1 });
    expect((await request([['SUM', '2022']], cache)).statements).toBe(1);
  });

  test("a write to one table leaves the measures of another kept: only the written table's are computed again", async () => {
    const cache = new MeasureCache(100);
    await dataSource.query("INSERT INTO other_probe (held_on) VALUES ('2024-07-01'), ('2024-08-01')");
    const asks: [string, string][] = [
      ['SUM', '2024'],
      ['OTHER', '2024'],
    ];
    const first = await request(asks, cache);
    const before = first.measures[0] as { numerator: number };
    // OTHER: the two rows of 2024 in other_probe.
    expect(first.measures[1]).toEqual({ numerator: 2, denominator: null });
    expect((await request(asks, cache)).statements).toBe(1);
    await dataSource.query("INSERT INTO other_probe (held_on) VALUES ('2024-09-01')");
    await sending(async (sent) => {
      const after = await request(asks, cache);
      // SUM is served as kept (probe unchanged); OTHER now counts three rows.
      expect(after.measures).toEqual([before, { numerator: 3, denominator: null }]);
      expect(after.statements).toBe(2);
      expect(sent[1]).toContain('other_probe');
      expect(sent[1]).not.toMatch(/FROM probe\b/);
    });
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
