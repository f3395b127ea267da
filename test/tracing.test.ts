import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { DATA_KEYS, dropDatabase, dropServiceRole, envName, generateInternalKeys, internalKeyEnvironment } from '@qn/common';
import { mintDevToken } from '@qn/dev';
import { caller } from './harness';
import { cloneTemplate } from './templates';

/**
 * Traces across processes. The tracer provider is global to a process, so the services
 * whose spans are checked run as processes of their own, started from their real entry
 * points (as `npm start` does): police, labour (which asks police for IND-1.3a's
 * denominator) and the gateway, each exporting OTLP/HTTP JSON to a receiver in this test.
 * The subgraphs the query does not need are not started.
 */
const root = path.resolve(__dirname, '..');
const prefix = `t${process.pid}_trace_`;
const TRACED = ['police', 'labour'] as const;
const children: ChildProcess[] = [];
/** Each service's JSON log lines. */
const logs: Record<string, Record<string, unknown>[]> = {};

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values: OtlpValue[] };
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
  events?: { name: string; attributes?: OtlpAttribute[] }[];
  status?: { code?: number; message?: string };
}
interface ExportedSpan extends OtlpSpan {
  service: string;
  resource: OtlpAttribute[];
}

/** An OTLP/HTTP receiver: every span posted to /v1/traces, with its service. */
const received: ExportedSpan[] = [];
const bodies: string[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    bodies.push(body);
    if (req.url === '/v1/traces' && req.headers['content-type']?.includes('json')) {
      const parsed = JSON.parse(body) as {
        resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const { resource, scopeSpans } of parsed.resourceSpans) {
        const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const scope of scopeSpans) for (const span of scope.spans) received.push({ ...span, service, resource: resource.attributes });
      }
    }
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
});

const databaseUrl = (name: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${prefix}${name}`;
  return url.toString();
};

let endpoint: string;
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    QN_WORKERS: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    // Spans stay buffered until the process stops: what arrives was flushed by the graceful stop.
    OTEL_BSP_SCHEDULE_DELAY: '600000',
    OTEL_BSP_MAX_QUEUE_SIZE: '20000',
    OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '20000',
    ...extra,
  };
}

/** Starts a service from its entry point and resolves with the URL it logs once it listens. */
function start(service: string, entry: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    logs[service] = [];
    let log = '';
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entryLine = JSON.parse(line) as { msg?: string; url?: string };
        logs[service].push(entryLine);
        if (entryLine.url && entryLine.msg?.includes('ready at')) resolve({ child, url: entryLine.url });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${log}`)));
  });
}

/** SIGTERM, the graceful stop, and its exit code. */
const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';
const QUERY = 'query Ind13a($code: ID!, $period: String!) { indicator(code: $code) { result(period: $period) { value } } }';
const VARIABLES = { code: 'IND-1.3a', period: '2023' };
let token: string;
let answer: { status: number; requestId: string | null; body: { data?: any; errors?: unknown[] } };
/** The request id of a request sent without traceparent or x-request-id. */
let untracedId: string | null;
const exitCodes: Record<string, number | null> = {};
let receivedBeforeStop = -1;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  for (const key of DATA_KEYS) process.env[key] ??= randomBytes(32).toString('hex');
  // Each process its own internal keys, as npm start gives them.
  const keys = await generateInternalKeys(['police', 'labour']);
  for (const name of TRACED) await cloneTemplate(process.env.DATABASE_URL!, name, `${prefix}${name}`, true);
  const dbs = Object.fromEntries(TRACED.map((name) => [envName(name, 'DATABASE_URL'), databaseUrl(name)]));
  const police = await start('police', 'subgraphs/police/src/index.ts', environment({ ...dbs, ...internalKeyEnvironment(keys, 'police'), POLICE_PORT: '0' }));
  const policeUrl = new URL('/graphql', police.url).toString();
  const labour = await start(
    'labour',
    'subgraphs/labour/src/index.ts',
    environment({ ...dbs, ...internalKeyEnvironment(keys, 'labour'), LABOUR_PORT: '0', POLICE_URL: policeUrl }),
  );
  const labourUrl = new URL('/graphql', labour.url).toString();
  const gateway = await start(
    'gateway',
    'gateway/src/index.ts',
    environment({ ...internalKeyEnvironment(keys, 'gateway'), GATEWAY_PORT: '0', POLICE_URL: policeUrl, LABOUR_URL: labourUrl }),
  );
  token = await mintDevToken(caller('LABOUR', 'COORDINATOR'));
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${TRACE_ID}-${CLIENT_SPAN}-01` },
    body: JSON.stringify({ query: QUERY, variables: VARIABLES }),
  });
  answer = { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as typeof answer.body };
  const untraced = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ agencies { code } }' }),
  });
  untracedId = untraced.headers.get('x-request-id');
  receivedBeforeStop = received.length;
  // The gateway first, then the subgraphs, as a deployment stops.
  exitCodes.gateway = await stop(gateway.child);
  exitCodes.labour = await stop(labour.child);
  exitCodes.police = await stop(police.child);
}, 240000);

afterAll(async () => {
  await Promise.all(children.map(stop));
  for (const name of TRACED) {
    await dropDatabase(databaseUrl(name));
    await dropServiceRole(databaseUrl(name));
  }
  await new Promise((resolve) => receiver.close(resolve));
});

const ours = () => received.filter((span) => span.traceId === TRACE_ID);
const attribute = (span: OtlpSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value;

test("the query is answered; its request id, in every service's log line, is the trace id of the traceparent it came with", () => {
  expect(answer.body.errors).toBeUndefined();
  expect(typeof answer.body.data.indicator.result.value).toBe('number');
  expect(answer.requestId).toBe(TRACE_ID);
  for (const service of ['gateway', 'labour', 'police']) {
    const lines = logs[service].filter((line) => line.msg === 'request' && line.requestId === TRACE_ID);
    expect({ service, lines: lines.length, traceIds: [...new Set(lines.map((line) => line.traceId))] }).toEqual({ service, lines: 1, traceIds: [TRACE_ID] });
  }
});

test('a request that names no trace and no request id starts a trace, and its request id is that trace id', () => {
  expect(untracedId).toMatch(/^[0-9a-f]{32}$/);
  expect(received.filter((span) => span.traceId === untracedId && span.service === 'gateway' && span.kind === 2 && !span.parentSpanId)).toHaveLength(1);
});

test('spans are sent when the services stop (the graceful stop flushes them), not before', () => {
  expect(receivedBeforeStop).toBe(0);
  expect(exitCodes).toEqual({ gateway: 0, labour: 0, police: 0 });
  expect(received.length).toBeGreaterThan(0);
});

test('one client request is one trace: the gateway, labour and police each send spans with the trace id of the caller', () => {
  // Every span sent belongs to one of the two requests: probes, start-up work and the exporter's own calls make none.
  expect(received.filter((span) => span.traceId !== TRACE_ID && span.traceId !== untracedId).map((span) => `${span.service}: ${span.name}`)).toEqual([]);
  expect(new Set(ours().map((span) => span.service))).toEqual(new Set(['gateway', 'labour', 'police']));
  const names = (service: string) =>
    new Set(
      ours()
        .filter((span) => span.service === service)
        .map((span) => span.name),
    );
  // HTTP in and out, Apollo's gateway spans, GraphQL execution and SQL.
  expect([...names('gateway')]).toEqual(expect.arrayContaining(['POST', 'gateway.request', 'gateway.plan', 'gateway.fetch', 'graphql.parse']));
  expect([...names('labour')]).toEqual(expect.arrayContaining(['POST', 'graphql.parse', 'graphql.validate', 'query Ind13a__labour__0']));
  expect([...names('police')]).toEqual(expect.arrayContaining(['POST', 'graphql.parse', 'graphql.validate']));
  expect(ours().some((span) => span.service === 'police' && attribute(span, 'db.system.name')?.stringValue === 'postgresql')).toBe(true);
});

test("parent links chain from police's SQL through labour and the gateway to the caller's span", () => {
  const byId = new Map(ours().map((span) => [span.spanId, span]));
  // Every span's parent was sent too, except the gateway's first, whose parent is the caller's.
  const orphans = ours().filter((span) => !span.parentSpanId || !byId.has(span.parentSpanId));
  expect(orphans.map((span) => ({ service: span.service, kind: span.kind, parent: span.parentSpanId }))).toEqual([
    { service: 'gateway', kind: 2, parent: CLIENT_SPAN },
  ]);
  const sql = ours().find((span) => span.service === 'police' && attribute(span, 'db.system.name'))!;
  const chain: string[] = [];
  for (let span: ExportedSpan | undefined = sql; span; span = span.parentSpanId ? byId.get(span.parentSpanId) : undefined) {
    if (chain[chain.length - 1] !== span.service) chain.push(span.service);
  }
  expect(chain).toEqual(['police', 'labour', 'gateway']);
  // Each hop is a client span of the caller (kind 3) parenting the callee's server span (kind 2).
  for (const server of ours().filter((span) => span.kind === 2 && span.service !== 'gateway')) {
    const parent = byId.get(server.parentSpanId!)!;
    expect({ callee: server.service, kind: parent.kind, caller: parent.service }).toEqual({
      callee: server.service,
      kind: 3,
      caller: server.service === 'police' ? 'labour' : 'gateway',
    });
  }
});

test("no span carries the bearer token, the internal identity token, a header, a variable's value or an error message", () => {
  const texts: string[] = [];
  const collect = (value: OtlpValue) => {
    if (value.stringValue !== undefined) texts.push(value.stringValue);
    for (const item of value.arrayValue?.values ?? []) collect(item);
  };
  for (const span of received) {
    for (const a of [...(span.attributes ?? []), ...span.resource, ...(span.events ?? []).flatMap((e) => e.attributes ?? [])]) collect(a.value);
    expect(span.status?.message ?? '').toBe('');
    for (const a of span.attributes ?? []) expect(a.key).not.toMatch(/^(http\.(request|response)\.header\.|graphql\.variables\.|db\.postgresql\.values)/);
  }
  expect(texts.length).toBeGreaterThan(100);
  const all = [...texts, ...bodies];
  expect(all.filter((text) => text.includes(token))).toEqual([]);
  expect(all.filter((text) => text.includes('Bearer'))).toEqual([]);
  // A signed JWT (the caller's or the gateway's internal token to a subgraph) is three base64url parts.
  expect(all.filter((text) => /eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(text))).toEqual([]);
  expect(all.filter((text) => text.includes(VARIABLES.code))).toEqual([]);
  // The documents are recorded — with their variables' names, never their values.
  const labourSource = ours().find((span) => span.service === 'labour' && attribute(span, 'graphql.source'));
  expect(attribute(labourSource!, 'graphql.source')?.stringValue).toContain('$');
});

test('without an OTLP endpoint no OpenTelemetry SDK module is loaded', () => {
  const script = `
    require('@qn/common');
    require('@qn/common/src/telemetry').startTelemetry('police').then((on) => {
      const loaded = Object.keys(require.cache).filter((file) => /@opentelemetry\\/(sdk-trace-node|instrumentation-http|exporter-trace-otlp-http)\\//.test(file));
      console.log(JSON.stringify({ on, loaded: loaded.length }));
    });`;
  const run = (env: NodeJS.ProcessEnv) =>
    JSON.parse(execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: root, env, encoding: 'utf8' }).trim().split('\n').pop()!);
  const { OTEL_EXPORTER_OTLP_ENDPOINT: _endpoint, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: _traces, ...off } = process.env;
  expect(run(off)).toEqual({ on: false, loaded: 0 });
  const on = run({ ...off, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/v1/traces` });
  expect(on.on).toBe(true);
  expect(on.loaded).toBeGreaterThan(0);
});
