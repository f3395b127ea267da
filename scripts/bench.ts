/**
 * `npm run bench [-- --scale 10 --requests 200]`: the system on a throwaway embedded
 * PostgreSQL with generated data × scale, then timings of typical queries through the
 * gateway, each as a ratio to a baseline query (the catalogue) run in the same process,
 * and the SQL statements and subgraph fetches each query costs. Measures are kept by
 * data version (docs/performance.md): the first request of a query computes them (its
 * time and statements are printed apart), the timed ones find them kept unless
 * QN_MEASURE_CACHE_ENTRIES=0. Service logs are silent unless LOG_LEVEL is set.
 *
 * The generated tips carry no case notes; before timing, the bench gives every tip a
 * note of about 300 characters, encrypted with police's key as `receiveTip` stores it, so
 * that a page of tips costs what a page of real ones would. Rows marked `(police)` are
 * sent straight to the police subgraph, with the token the gateway would sign; "audit
 * bytes" is what each request of the row added to the subgraphs' audit logs. "CPU ms" is
 * the process's CPU time per timed request: the gateway, the five subgraphs and the
 * clients all run in this process (PostgreSQL's own time is not in it), and it moves far
 * less than the latencies when other work shares the machine.
 *
 * `--runtimes apollo,hive` (the default; `--runtimes apollo` for one): every row sent through
 * the gateway is timed again on each runtime's gateway (QN_GATEWAY_RUNTIME's values,
 * gateway/src/hive.ts) over the same subgraphs and data, one after the other, and a second
 * table prints the runtimes side by side, each with its ratio to its own catalogue and the SQL
 * statements and subgraph fetches one warm request of the row cost on it (the same work, or not).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encryptedText, MEASURE_CACHE_ENV, measureCacheEntries, measureCacheFor, SUBGRAPHS } from '@qn/common';
import { mintDevToken, startEmbeddedPostgres } from '@qn/dev';
import { GATEWAY_RUNTIMES, GatewayRuntime } from '../gateway/src/config';
import type { RunningGateway } from '../gateway/src/server';
import { caller, post, startSystem, TestSystem } from '../test/harness';
import { TEMPLATE_PREFIX_ENV } from '../test/templates';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SMALL_COUNTS =
  '{ a: indicator(code: "IND-3.1") { resultsByUnit(period: "2024", level: COMMUNE) { value status } } b: indicator(code: "IND-4.2") { resultsByDistrict(period: "2024") { value status trajectory { value } } } }';

const TIPS_50 = '{ tips(first: 50) { totalCount nodes { id receivedOn classification handledInTime } } }';

const QUERIES: Record<string, string> = {
  'catalogue (baseline)': '{ agencies { code } indicators { code title target { kind value } } }',
  'all 16 indicators, 2024': '{ indicators { code result(period: "2024") { value status } } }',
  'all indicators by district, 2024': '{ indicators { code resultsByDistrict(period: "2024") { orgUnit { name } value } } }',
  'dashboard: 20 quarters × 16 indicators': '{ indicators { code series(from: "2021Q1", to: "2025Q4") { period value status } } }',
  'task progress of every task, 2024': '{ tasks { id owner { code } progress(period: "2024") { count } } }',
  'police records page (100 tips)': '{ tips(first: 100) { totalCount nodes { id receivedOn handledInTime } } }',
  'a page of 50 tips as a police officer': TIPS_50,
  'the same, straight at police (police)': TIPS_50,
  'the same with their case notes (police)': '{ tips(first: 50) { totalCount nodes { id receivedOn classification handledInTime notes } } }',
  'IND-3.1 and IND-4.2 by commune-level unit, 2024': SMALL_COUNTS,
  'the same as an ANALYST (small counts suppressed)': SMALL_COUNTS,
};

/** Queries run as another caller than the police head the bench signs in as. */
const CALLERS: Record<string, Parameters<typeof caller>> = {
  'the same as an ANALYST (small counts suppressed)': [null, 'ANALYST'],
  'a page of 50 tips as a police officer': ['POLICE', 'AGENCY_OFFICER'],
  'the same, straight at police (police)': ['POLICE', 'AGENCY_OFFICER'],
  'the same with their case notes (police)': ['POLICE', 'AGENCY_OFFICER'],
};

/** The subgraph a row's queries are sent to straight (its name ends in `(<subgraph>)`), or undefined: through the gateway. */
function subgraphOf(name: string): string | undefined {
  const named = name.match(/\((\w+)\)$/)?.[1];
  return named && (SUBGRAPHS as readonly string[]).includes(named) ? named : undefined;
}

/** Sends one request of a row: through the gateway, or straight at the subgraph the row names. */
function sender(system: TestSystem, name: string, query: string, as?: ReturnType<typeof caller>) {
  const subgraph = subgraphOf(name);
  if (subgraph) return () => system.querySubgraph(subgraph, query, undefined, { as: as ?? caller('POLICE', 'AGENCY_HEAD') });
  return () => system.query(query, undefined, as ? { as } : {});
}

/** Sends one request of a row through another gateway over the same subgraphs, as the same caller. */
function senderVia(gateway: RunningGateway, query: string, as: ReturnType<typeof caller>) {
  let token: Promise<string> | undefined;
  return async () => post(gateway.url, { query }, { authorization: `Bearer ${await (token ??= mintDevToken(as))}` });
}

/** Rows and bytes (pg_column_size) in every subgraph's audit log. */
async function auditSize(system: TestSystem): Promise<{ rows: number; bytes: number }> {
  let rows = 0;
  let bytes = 0;
  for (const name of Object.keys(system.subgraphs)) {
    const [r] = await system.ownerQuery(name, 'SELECT count(*)::int AS rows, coalesce(sum(pg_column_size(a.*)), 0)::int AS bytes FROM audit_log a');
    rows += r.rows;
    bytes += r.bytes;
  }
  return { rows, bytes };
}

/** Gives every tip a case note of about 300 characters, encrypted as police stores notes. */
async function addCaseNotes(system: TestSystem): Promise<number> {
  const seal = encryptedText('POLICE_DATA_KEY');
  const tips: { id: string }[] = await system.ownerQuery('police', 'SELECT id FROM tip ORDER BY id');
  const note = (i: number) =>
    `Tin báo số ${i}: xác minh tại cơ sở kinh doanh dịch vụ, lập biên bản làm việc với chủ cơ sở, đối chiếu danh sách người lao động, ` +
    'kiểm tra giấy phép và sổ sách; chuyển kết quả cho đội nghiệp vụ và báo cáo lãnh đạo theo quy định của Bộ luật Tố tụng hình sự.';
  for (let start = 0; start < tips.length; start += 1000) {
    const chunk = tips.slice(start, start + 1000);
    const values = chunk.map(({ id }, i) => `('${id}'::uuid, '${seal.to(note(start + i)) as string}')`).join(', ');
    await system.ownerQuery('police', `UPDATE tip SET notes = v.notes FROM (VALUES ${values}) AS v(id, notes) WHERE tip.id = v.id`);
  }
  return tips.length;
}

async function time(send: () => Promise<{ errors?: { message: string }[] }>, query: string, requests: number, concurrency: number) {
  const durations: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next += 1;
      const start = performance.now();
      const response = await send();
      durations.push(performance.now() - start);
      if (response.errors?.length) throw new Error(`${query}: ${response.errors[0].message}`);
    }
  };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuStart);
  const total = performance.now() - start;
  durations.sort((a, b) => a - b);
  return {
    p50: durations[Math.floor(durations.length / 2)],
    p95: durations[Math.floor(durations.length * 0.95)],
    perSecond: (requests / total) * 1000,
    cpuMs: (cpu.user + cpu.system) / 1000 / requests,
  };
}

async function main() {
  const scale = option('scale', 10);
  const requests = option('requests', 200);
  const concurrency = option('concurrency', 4);
  const runtimesArg = process.argv.indexOf('--runtimes');
  const runtimes = (runtimesArg >= 0 ? process.argv[runtimesArg + 1].split(',') : [...GATEWAY_RUNTIMES]) as GatewayRuntime[];
  for (const runtime of runtimes) if (!(GATEWAY_RUNTIMES as readonly string[]).includes(runtime)) throw new Error(`--runtimes: unknown runtime ${runtime}`);
  process.env.QN_SCALE = String(scale);
  process.env.LOG_LEVEL ??= 'error';
  const dir = mkdtempSync(path.join(tmpdir(), 'qn-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 56000 + Math.floor(Math.random() * 1000), persistent: false });
  process.env.DATABASE_URL = pg.url('postgres');
  // The harness clones every database from a migrated template (test/templates.ts); here they live and die with this PostgreSQL.
  process.env[TEMPLATE_PREFIX_ENV] ??= 'qn_bench_';
  const loadStart = performance.now();
  const bencher = caller('POLICE', 'AGENCY_HEAD');
  const system = await startSystem({ sampleData: true, as: bencher, runtime: runtimes[0] });
  // The other runtimes' gateways, with the harness's limits (no per-caller rate, long timeouts).
  const others: [GatewayRuntime, RunningGateway][] = [];
  for (const runtime of runtimes.slice(1)) {
    others.push([runtime, await system.startGateway({ runtime, limits: { requestsPerSecond: 0, subgraphTimeoutMs: 120000, requestTimeoutMs: 240000 } })]);
  }
  const tips = await addCaseNotes(system);
  console.log(
    `generated data × ${scale} (${tips} tips, each with a case note) and started in ${((performance.now() - loadStart) / 1000).toFixed(1)} s; ${requests} requests per query, ${concurrency} at a time; gateway runtimes ${runtimes.join(', ')}\n`,
  );
  type Timing = Awaited<ReturnType<typeof time>>;
  const sideBySide: { name: string; timings: Timing[]; work: string[] }[] = [];
  try {
    let baseline = 0;
    console.log(
      [
        'query',
        'first ms',
        'p50 ms',
        'p95 ms',
        'req/s',
        '× baseline p50',
        'CPU ms',
        'SQL statements first',
        'SQL statements',
        'subgraph fetches',
        'audit rows',
        'audit bytes',
      ].join(' | '),
    );
    /** One request's time and the SQL statements (all subgraphs) it cost. */
    const once = async (send: () => Promise<{ errors?: { message: string }[] }>, query: string) => {
      const before = system.statements();
      const start = performance.now();
      const response = await send();
      const ms = performance.now() - start;
      if (response.errors?.length) throw new Error(`${query}: ${response.errors[0].message}`);
      const after = system.statements();
      return { ms, statements: Object.entries(after).reduce((sum, [n, v]) => sum + v - before[n], 0) };
    };
    for (const [name, query] of Object.entries(QUERIES)) {
      const as = CALLERS[name] ? caller(...CALLERS[name]) : undefined;
      const send = sender(system, name, query, as);
      const first = await once(send, query);
      await time(send, query, 10, 1);
      system.gateway.fetches.reset();
      const audited = await auditSize(system);
      const { statements } = await once(send, query);
      const audit = await auditSize(system);
      const fetches = Object.values(system.gateway.fetches.snapshot()).reduce((a, b) => a + b, 0);
      const t = await time(send, query, requests, concurrency);
      if (!baseline) baseline = t.p50;
      if (!subgraphOf(name) && others.length) {
        // Every runtime, the first too, is sent the row with one token minted beforehand, so
        // that no runtime's time holds the client's signing (the table above mints one per request).
        const timings: Timing[] = [];
        const work: string[] = [];
        for (const gateway of [system.gateway, ...others.map(([, g]) => g)]) {
          const via = senderVia(gateway, query, as ?? bencher);
          await time(via, query, 10, 1);
          gateway.fetches.reset();
          const one = await once(via, query);
          work.push(`${one.statements}/${Object.values(gateway.fetches.snapshot()).reduce((a, b) => a + b, 0)}`);
          timings.push(await time(via, query, requests, concurrency));
        }
        sideBySide.push({ name, timings, work });
      }
      console.log(
        [
          name,
          first.ms.toFixed(1),
          t.p50.toFixed(1),
          t.p95.toFixed(1),
          t.perSecond.toFixed(0),
          (t.p50 / baseline).toFixed(2),
          t.cpuMs.toFixed(1),
          first.statements,
          statements,
          subgraphOf(name) ? '–' : fetches,
          audit.rows - audited.rows,
          audit.bytes - audited.bytes,
        ].join(' | '),
      );
    }
    if (sideBySide.length) {
      const header = ['query'];
      for (const runtime of runtimes) {
        header.push(...['p50 ms', 'p95 ms', 'req/s', 'CPU ms', '× catalogue', 'SQL/fetches'].map((c) => `${runtime} ${c}`));
      }
      for (const runtime of runtimes.slice(1)) header.push(`${runtime} / ${runtimes[0]} p50`);
      console.log(
        `\ngateway runtimes side by side (the same subgraphs and data, one token per row; each row timed on one runtime after the other)\n${header.join(' | ')}`,
      );
      const baselines = sideBySide[0].timings.map((t) => t.p50);
      for (const { name, timings, work } of sideBySide) {
        const cells = [name];
        timings.forEach((t, i) =>
          cells.push(t.p50.toFixed(1), t.p95.toFixed(1), t.perSecond.toFixed(0), t.cpuMs.toFixed(1), (t.p50 / baselines[i]).toFixed(2), work[i]),
        );
        for (const t of timings.slice(1)) cells.push((t.p50 / timings[0].p50).toFixed(2));
        console.log(cells.join(' | '));
      }
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
