import { MeasureSql, measureCacheFor, measureLoader, parsePeriod, SqlParams, TABLE_VERSIONS_SQL, tablesNamed, territory } from '@qn/common';
import { SeededRandom } from '@qn/dev';
import { MEASURES as INFORMATION_MEASURES } from '../subgraphs/information/src/indicators';
import { EVIDENCE_MEASURES as INFORMATION_EVIDENCE } from '../subgraphs/information/src/indicators/evidence';
import { MEASURES as LABOUR_MEASURES, HEALTH_NUMERATOR_CODES } from '../subgraphs/labour/src/records/indicators';
import { EVIDENCE_MEASURES as LABOUR_EVIDENCE } from '../subgraphs/labour/src/records/indicators/evidence';
import { MEASURES as POLICE_MEASURES } from '../subgraphs/police/src/indicators';
import { EVIDENCE_MEASURES as POLICE_EVIDENCE } from '../subgraphs/police/src/indicators/evidence';
import { MEASURES as EDUCATION_MEASURES } from '../subgraphs/education/src/indicators';
import { EVIDENCE_MEASURES as EDUCATION_EVIDENCE } from '../subgraphs/education/src/indicators/evidence';
import { EVIDENCE_MEASURES as HEALTH_EVIDENCE } from '../subgraphs/health/src/indicators/evidence';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/**
 * Measures kept by data version (packages/common/src/measure-cache.ts), end to end: writes
 * through the gateway's mutations, reads through the gateway, SQL statements counted per
 * subgraph. A kept number is never stale: after every write the next read is the new one.
 */
let system: TestSystem;
const informationHead = caller('INFORMATION', 'AGENCY_HEAD');
const policeOfficer = caller('POLICE', 'AGENCY_OFFICER');
const labourOfficer = caller('LABOUR', 'AGENCY_OFFICER');

const CREATE_OUTLET = `mutation($input: CreatePressOutletInput!) { createPressOutlet(input: $input) { id } }`;
const PUBLISH = `mutation($input: RecordPublicationInput!) { recordPublication(input: $input) { id version } }`;
const UPDATE = `mutation($input: UpdatePublicationInput!) { updatePublication(input: $input) { id version } }`;
const RESULT = `query($code: ID!, $period: String!, $orgUnit: ID) { indicator(code: $code) { result(period: $period, orgUnit: $orgUnit) { numerator denominator value } } }`;

const outlets: Record<string, string> = {};
const outlet = async (name: string, level: string) =>
  dataOf(await system.query(CREATE_OUTLET, { input: { name, level, medium: 'PRINT' } }, { as: informationHead })).createPressOutlet.id as string;
const publish = async (outletId: string, publishedOn: string, districtId?: string | null) =>
  dataOf(
    await system.query(
      PUBLISH,
      { input: { outletId, publishedOn, kind: 'ARTICLE', title: 'Phòng, chống tệ nạn mại dâm', districtId: districtId ?? undefined } },
      { as: informationHead },
    ),
  ).recordPublication as { id: string; version: number };
const result = async (code: string, period: string, orgUnit?: string) =>
  dataOf(await system.query(RESULT, { code, period, orgUnit }, { as: informationHead })).indicator.result;

/** The statements each subgraph sent while `send` ran. */
async function statementsOf<T>(send: () => Promise<T>): Promise<{ value: T; statements: Record<string, number> }> {
  const before = system.statements();
  const value = await send();
  const after = system.statements();
  return { value, statements: Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]])) };
}

beforeAll(async () => {
  system = await startSystem({ as: informationHead });
  outlets.provincial = await outlet('Báo Quảng Ngãi', 'PROVINCIAL');
  outlets.central = await outlet('Báo Lao động', 'CENTRAL');
});
afterAll(() => system.stop());

/** Every MeasureSql of every subgraph (and labour's statement of the codes health is asked about), with the subgraph whose database it reads. */
const DEFINITIONS: { subgraph: string; code: string; sql: MeasureSql }[] = (
  [
    ['labour', 'labour', { ...LABOUR_MEASURES, ...LABOUR_EVIDENCE }],
    ['labour', 'labour, codes for health', HEALTH_NUMERATOR_CODES],
    ['police', 'police', { ...POLICE_MEASURES, ...POLICE_EVIDENCE }],
    ['health', 'health', HEALTH_EVIDENCE],
    ['education', 'education', { ...EDUCATION_MEASURES, ...EDUCATION_EVIDENCE }],
    ['information', 'information', { ...INFORMATION_MEASURES, ...INFORMATION_EVIDENCE }],
  ] as [string, string, Record<string, MeasureSql>][]
).flatMap(([subgraph, name, measures]) => Object.entries(measures).map(([code, sql]) => ({ subgraph, code: `${name} ${code}`, sql })));

test('the key a measure is kept under holds all its SQL depends on: no measure of any subgraph reads the clock', () => {
  const definitions: [string, MeasureSql][] = DEFINITIONS.map((d) => [d.code, d.sql]);

  /** The statement and parameters a definition writes for a request, with the clock at `now`. */
  const written = (sql: MeasureSql, period: string, orgUnit: string, now: string) => {
    const saved = process.env.QN_NOW;
    process.env.QN_NOW = now;
    try {
      const params = new SqlParams();
      return { text: sql({ code: '', period: parsePeriod(period), orgUnit: territory.resolve(orgUnit) }, params), values: params.values };
    } catch (error) {
      return { refused: (error as Error).message };
    } finally {
      if (saved === undefined) delete process.env.QN_NOW;
      else process.env.QN_NOW = saved;
    }
  };
  let checked = 0;
  for (const [code, sql] of definitions) {
    for (const [period, orgUnit] of [
      ['2024', '51'],
      ['2025Q3', '21010-2025-07'],
      ['2023Q2', '522'],
      ['2021-2025', '51'],
    ]) {
      const early = written(sql, period, orgUnit, '2024-01-10T05:00:00Z');
      const late = written(sql, period, orgUnit, '2027-06-30T05:00:00Z');
      expect({ code, period, orgUnit, sql: late }).toEqual({ code, period, orgUnit, sql: early });
      if ('text' in early) {
        expect({
          code,
          clock: /\b(now|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)\b/i.test(early.text!),
        }).toEqual({
          code,
          clock: false,
        });
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(definitions.length * 2);
});

test('a measure is kept with the versions of the tables its SQL names, and those are all the tables its plan reads', async () => {
  /** The tables a plan reads (EXPLAIN's "Relation Name"s, views expanded). */
  const relations = (plan: unknown): string[] => {
    if (Array.isArray(plan)) return plan.flatMap(relations);
    if (!plan || typeof plan !== 'object') return [];
    const node = plan as Record<string, unknown>;
    return [...(typeof node['Relation Name'] === 'string' ? [node['Relation Name']] : []), ...Object.values(node).flatMap(relations)];
  };
  const versionsOf = new Map<string, Record<string, string>>();
  let checked = 0;
  for (const { subgraph, code, sql } of DEFINITIONS) {
    const dataSource = system.subgraphs[subgraph as keyof typeof system.subgraphs].dataSource;
    if (!versionsOf.has(subgraph)) versionsOf.set(subgraph, JSON.parse((await dataSource.query(TABLE_VERSIONS_SQL))[0].versions));
    const versions = versionsOf.get(subgraph)!;
    const written: { text: string; values: unknown[] }[] = [];
    for (const [period, orgUnit] of [
      ['2024', '51'],
      ['2023Q2', '522'],
      ['2025Q3', '21010-2025-07'],
    ]) {
      const params = new SqlParams();
      try {
        written.push({ text: sql({ code: '', period: parsePeriod(period), orgUnit: territory.resolve(orgUnit) }, params), values: params.values });
      } catch {
        // A unit the agency cannot count: nothing is written, nothing kept.
      }
    }
    if (sql.provinceSeries) {
      const params = new SqlParams();
      written.push({
        text: sql.provinceSeries(
          ['2024Q1', '2024Q2'].map((p) => parsePeriod(p)),
          params,
        ),
        values: params.values,
      });
    }
    for (const { text, values } of written) {
      const [{ 'QUERY PLAN': plan }] = await dataSource.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
      const read = [...new Set(relations(plan))].sort();
      const named = tablesNamed(text, versions);
      // Every table the plan reads has a version and is among those the measure is kept with (more is only less kept, never stale).
      expect({ code, read: read.filter((t) => !(t in versions)) }).toEqual({ code, read: [] });
      expect({ code, missing: read.filter((t) => !named?.includes(t)) }).toEqual({ code, missing: [] });
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(DEFINITIONS.length * 2);
});

test('a write through the API changes a kept number at once, and a correction moves it between periods', async () => {
  const first = await publish(outlets.provincial, '2024-01-05');
  // IND-1.2a: months of 2024 with a provincial piece / 12 — January only.
  expect(await result('IND-1.2a', '2024')).toMatchObject({ numerator: 1, denominator: 12 });
  expect(await result('IND-1.2a', '2024')).toMatchObject({ numerator: 1, denominator: 12 });
  await publish(outlets.provincial, '2024-03-10');
  // January and March.
  expect(await result('IND-1.2a', '2024')).toMatchObject({ numerator: 2, denominator: 12, value: 16.67 });
  expect(await result('IND-1.2a', '2023')).toMatchObject({ numerator: 0, denominator: 12 });
  dataOf(await system.query(UPDATE, { input: { id: first.id, expectedVersion: first.version, publishedOn: '2023-11-20' } }, { as: informationHead }));
  // The January piece is now of November 2023: March alone in 2024, November in 2023.
  expect(await result('IND-1.2a', '2024')).toMatchObject({ numerator: 1, denominator: 12 });
  expect(await result('IND-1.2a', '2023')).toMatchObject({ numerator: 1, denominator: 12 });
});

test('the same request again reads only the data version; after a write the measures are computed again', async () => {
  const query = `{ indicator(code: "IND-1.2b") { result(period: "2024") { numerator } series(from: "2024Q1", to: "2024Q4") { numerator } } }`;
  const send = async () => dataOf(await system.query(query, undefined, { as: informationHead })).indicator;
  await system.ownerQuery('information', 'DELETE FROM publication WHERE false'); // a new version: nothing kept from the test before
  const cold = await statementsOf(send);
  // Information is asked once: the version, then the year's and the four quarters' measures in one statement.
  expect(cold.statements.information).toBe(2);
  const warm = await statementsOf(send);
  expect(warm.value).toEqual(cold.value);
  expect(warm.statements.information).toBe(1);
  await publish(outlets.central, '2024-06-01', '522');
  const after = await statementsOf(send);
  expect(after.statements.information).toBe(2);
  // IND-1.2b: central pieces — none before in 2024, now the one of June (Q2).
  expect(cold.value).toEqual({ result: { numerator: 0 }, series: [0, 0, 0, 0].map((numerator) => ({ numerator })) });
  expect(after.value).toEqual({ result: { numerator: 1 }, series: [0, 1, 0, 0].map((numerator) => ({ numerator })) });
});

test("labour keeps only its own part of IND-1.3a: police's denominator is kept by police and follows police's writes to its table only", async () => {
  const business = async (districtId: string, employees: number) =>
    dataOf(
      await system.query(
        `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id } }`,
        { input: { name: `Karaoke ${districtId} ${employees}`, kind: 'KARAOKE', districtId, employees, openedOn: '2020-01-01' } },
        { as: policeOfficer },
      ),
    ).createServiceBusiness.id as string;
  const b = await business('522', 10);
  dataOf(
    await system.query(
      `mutation($input: RecordBusinessOutreachInput!) { recordBusinessOutreach(input: $input) { id } }`,
      { input: { businessId: b, districtId: '522', heldOn: '2023-03-01', workersEmployed: 10, workersReached: 4 } },
      { as: labourOfficer },
    ),
  );
  const read = () => statementsOf(() => result('IND-1.3a', '2023'));
  // Workers reached at service businesses (labour) / workers at service businesses open in 2023 (police): 4 / 10.
  expect((await read()).value).toMatchObject({ numerator: 4, denominator: 10, value: 40 });
  const warm = await read();
  expect(warm.value).toMatchObject({ numerator: 4, denominator: 10 });
  expect(warm.statements.police).toBe(1);
  await business('524', 30);
  const after = await read();
  // Police's workforce is now 10 + 30: the new denominator at once; labour's own part still kept.
  expect(after.value).toMatchObject({ numerator: 4, denominator: 40, value: 10 });
  expect(after.statements.police).toBe(2);
  expect(after.statements.labour).toBe(warm.statements.labour);
  // A tip is written to another police table (tip): the workforce (service_business) stays kept.
  dataOf(
    await system.query(
      `mutation($input: ReceiveTipInput!) { receiveTip(input: $input) { id } }`,
      { input: { kind: 'DENUNCIATION', receivedOn: '2023-05-01', channel: 'HOTLINE', districtId: '522', classification: 'PROSTITUTION' } },
      { as: policeOfficer },
    ),
  );
  const afterTip = await read();
  expect(afterTip.value).toMatchObject({ numerator: 4, denominator: 40 });
  expect(afterTip.statements.police).toBe(1);
});

test('random writes interleaved with reads: every read equals a fresh computation without the cache', async () => {
  const random = new SeededRandom('measure-cache');
  const published: { id: string; version: number }[] = [];
  const information = system.subgraphs.information.dataSource;
  // 2 indicators × 4 periods × 3 units, all in one request per read.
  const cells = ['IND-1.2a', 'IND-1.2b'].flatMap((code) =>
    ['2023', '2024', '2023Q4', '2024Q2'].flatMap((period) => [undefined, '522', '524'].map((orgUnit) => ({ code, period, orgUnit }))),
  );
  const query = `{ ${cells
    .map(
      (c, i) =>
        `c${i}: indicator(code: "${c.code}") { result(period: "${c.period}"${c.orgUnit ? `, orgUnit: "${c.orgUnit}"` : ''}) { numerator denominator } }`,
    )
    .join('\n')} }`;
  // What the information service's cache answers (measureCacheFor gives the process's cache of that data source).
  const kept = jest.spyOn(measureCacheFor(information)!, 'get');
  let reads = 0;
  for (let step = 0; step < 50; step++) {
    const roll = random.next();
    if (roll < 0.25 || published.length === 0) {
      const level = random.pick(['provincial', 'central']);
      published.push(await publish(outlets[level], random.date('2023-01-01', '2024-12-31'), random.pick([null, '522', '524', '525'])));
    } else if (roll < 0.4) {
      const i = random.int(0, published.length - 1);
      published[i] = dataOf(
        await system.query(
          UPDATE,
          { input: { id: published[i].id, expectedVersion: published[i].version, publishedOn: random.date('2023-01-01', '2024-12-31') } },
          { as: informationHead },
        ),
      ).updatePublication;
    } else {
      const value = dataOf(await system.query(query, undefined, { as: informationHead }));
      const fresh = await measureLoader(information, INFORMATION_MEASURES, { cache: null }).loadMany(
        cells.map((c) => ({ code: c.code, period: parsePeriod(c.period), orgUnit: territory.resolve(c.orgUnit) })),
      );
      const served = cells.map((c, i) => ({ ...c, numerator: value[`c${i}`].result.numerator, denominator: value[`c${i}`].result.denominator }));
      expect({ step, served }).toEqual({ step, served: cells.map((c, i) => ({ ...c, ...fresh[i] })) });
      reads += 1;
    }
  }
  const hits = kept.mock.results.filter((r) => r.value !== undefined).length;
  const misses = kept.mock.calls.length - hits;
  kept.mockRestore();
  // Both paths were taken, many times: measures answered from what was kept, and measures computed after a write.
  expect({ reads: reads > 15, hits: hits > 3 * cells.length, misses: misses > 3 * cells.length }).toEqual({
    reads: true,
    hits: true,
    misses: true,
  });
});
