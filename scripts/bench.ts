/**
 * `npm run bench [-- --scale 10 --requests 200]`: the system on a throwaway embedded
 * PostgreSQL with generated data × scale, then timings of typical queries through the
 * gateway, each as a ratio to a baseline query (the catalogue) run in the same process,
 * and the SQL statements and subgraph fetches each query costs. Measures are kept by
 * data version (docs/performance.md): the first request of a query computes them (its
 * time and statements are printed apart), the timed ones find them kept unless
 * QN_MEASURE_CACHE_ENTRIES=0. Service logs are silent unless LOG_LEVEL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MEASURE_CACHE_ENV, measureCacheEntries, measureCacheFor, startEmbeddedPostgres } from '@qn/common';
import { caller, startSystem, TestSystem } from '../test/harness';
import { TEMPLATE_PREFIX_ENV } from '../test/templates';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SMALL_COUNTS =
  '{ a: indicator(code: "IND-3.1") { resultsByUnit(period: "2024", level: COMMUNE) { value status } } b: indicator(code: "IND-4.2") { resultsByDistrict(period: "2024") { value status trajectory { value } } } }';

const QUERIES: Record<string, string> = {
  'catalogue (baseline)': '{ agencies { code } indicators { code title target { kind value } } }',
  'all 16 indicators, 2024': '{ indicators { code result(period: "2024") { value status } } }',
  'all indicators by district, 2024': '{ indicators { code resultsByDistrict(period: "2024") { orgUnit { name } value } } }',
  'dashboard: 20 quarters × 16 indicators': '{ indicators { code series(from: "2021Q1", to: "2025Q4") { period value status } } }',
  'task progress of every task, 2024': '{ tasks { id owner { code } progress(period: "2024") { count } } }',
  'police records page (100 tips)': '{ tips(first: 100) { totalCount nodes { id receivedOn handledInTime } } }',
  'IND-3.1 and IND-4.2 by commune-level unit, 2024': SMALL_COUNTS,
  'the same as an ANALYST (small counts suppressed)': SMALL_COUNTS,
};

/** Queries run as another caller than the police head the bench signs in as. */
const CALLERS: Record<string, Parameters<typeof caller>> = {
  'the same as an ANALYST (small counts suppressed)': [null, 'ANALYST'],
};

async function time(system: TestSystem, query: string, requests: number, concurrency: number, as?: ReturnType<typeof caller>) {
  const durations: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next += 1;
      const start = performance.now();
      const response = await system.query(query, undefined, as ? { as } : {});
      durations.push(performance.now() - start);
      if (response.errors?.length) throw new Error(`${query}: ${response.errors[0].message}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const total = performance.now() - start;
  durations.sort((a, b) => a - b);
  return { p50: durations[Math.floor(durations.length / 2)], p95: durations[Math.floor(durations.length * 0.95)], perSecond: (requests / total) * 1000 };
}

async function main() {
  const scale = option('scale', 10);
  const requests = option('requests', 200);
  const concurrency = option('concurrency', 4);
  process.env.QN_SCALE = String(scale);
  process.env.LOG_LEVEL ??= 'silent';
  const dir = mkdtempSync(path.join(tmpdir(), 'qn-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 56000 + Math.floor(Math.random() * 1000), persistent: false });
  process.env.DATABASE_URL = pg.url('postgres');
  // The harness clones every database from a migrated template (test/templates.ts); here they live and die with this PostgreSQL.
  process.env[TEMPLATE_PREFIX_ENV] ??= 'qn_bench_';
  const loadStart = performance.now();
  const system = await startSystem({ sampleData: true, as: caller('POLICE', 'AGENCY_HEAD') });
  console.log(
    `generated data × ${scale} and started in ${((performance.now() - loadStart) / 1000).toFixed(1)} s; ${requests} requests per query, ${concurrency} at a time\n`,
  );
  try {
    let baseline = 0;
    console.log(['query', 'first ms', 'p50 ms', 'p95 ms', 'req/s', '× baseline p50', 'SQL statements first', 'SQL statements', 'subgraph fetches'].join(' | '));
    /** One request's time and the SQL statements (all subgraphs) it cost. */
    const once = async (query: string, as?: ReturnType<typeof caller>) => {
      const before = system.statements();
      const start = performance.now();
      const response = await system.query(query, undefined, as ? { as } : {});
      const ms = performance.now() - start;
      if (response.errors?.length) throw new Error(`${query}: ${response.errors[0].message}`);
      const after = system.statements();
      return { ms, statements: Object.entries(after).reduce((sum, [n, v]) => sum + v - before[n], 0) };
    };
    for (const [name, query] of Object.entries(QUERIES)) {
      const as = CALLERS[name] ? caller(...CALLERS[name]) : undefined;
      const first = await once(query, as);
      await time(system, query, 10, 1, as);
      system.gateway.fetches.reset();
      const { statements } = await once(query, as);
      const fetches = Object.values(system.gateway.fetches.snapshot()).reduce((a, b) => a + b, 0);
      const t = await time(system, query, requests, concurrency, as);
      if (!baseline) baseline = t.p50;
      console.log(
        [
          name,
          first.ms.toFixed(1),
          t.p50.toFixed(1),
          t.p95.toFixed(1),
          t.perSecond.toFixed(0),
          (t.p50 / baseline).toFixed(2),
          first.statements,
          statements,
          fetches,
        ].join(' | '),
      );
    }
    const kept = Object.entries(system.subgraphs).map(([name, s]) => `${name} ${measureCacheFor(s.dataSource)?.size ?? 'off'}`);
    console.log(`\nmeasures kept at the end (${MEASURE_CACHE_ENV}=${measureCacheEntries()} per process): ${kept.join(', ')}`);
  } finally {
    await system.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
