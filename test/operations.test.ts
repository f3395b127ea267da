import { caller, startSystem, TestSystem } from './harness';

/** What operators rely on: probes, one request id through every log, metrics. Over real HTTP. */
let system: TestSystem;
const logs: string[] = [];
beforeAll(async () => {
  system = await startSystem({ as: caller('LABOUR', 'COORDINATOR'), logs });
});
afterAll(() => system.stop());

const origin = (url: string) => new URL(url).origin;
const services = () => ({ gateway: system.gateway.url, ...Object.fromEntries(Object.entries(system.subgraphs).map(([name, s]) => [name, s.url])) });
const QUERY = '{ indicators { code result(period: "2024") { value } } }';
const entries = () => logs.map((line) => JSON.parse(line) as Record<string, any>);

test('every service answers /health and /ready with 200; a subgraph is ready once its migrations are applied', async () => {
  for (const [name, url] of Object.entries(services())) {
    const health = await fetch(`${origin(url)}/health`);
    expect({ name, status: health.status, body: await health.json() }).toEqual({ name, status: 200, body: { status: 'ok' } });
    const ready = await fetch(`${origin(url)}/ready`);
    expect({ name, status: ready.status }).toEqual({ name, status: 200 });
    const body = (await ready.json()) as { checks: Record<string, string> };
    if (name === 'gateway') expect(body.checks).toEqual({ labour: 'ok', police: 'ok', health: 'ok', education: 'ok', information: 'ok' });
    else expect(body.checks).toEqual({ database: 'ok', migrations: 'ok' });
  }
});

test('probes are outside CSRF prevention and need no token: a plain GET without any header works', async () => {
  const response = await fetch(`${origin(system.gateway.url)}/ready`, { headers: {} });
  expect(response.status).toBe(200);
});

test("the caller's x-request-id is returned, forwarded to every subgraph asked and written on each service's log line", async () => {
  logs.length = 0;
  const response = await fetch(system.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'dash-2024-0001' },
    body: JSON.stringify({ query: QUERY, operationName: null }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-request-id')).toBe('dash-2024-0001');
  const lines = entries().filter((entry) => entry.msg === 'request' && entry.requestId === 'dash-2024-0001');
  // The gateway, labour for the list, and the three agencies that compute indicators (as in federation.test.ts).
  expect(new Set(lines.map((line) => line.service))).toEqual(new Set(['gateway', 'labour', 'police', 'education', 'information']));
  for (const line of lines) {
    expect(line).toEqual(expect.objectContaining({ level: 'info', status: 200, method: 'POST', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }));
  }
});

test('without x-request-id the trace id of a W3C traceparent is used; with neither a new id is made; a malformed id is replaced', async () => {
  const post = (headers: Record<string, string>) =>
    fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ agencies { code } }' }),
    });
  const traced = await post({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
  expect(traced.headers.get('x-request-id')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  const fresh = await post({});
  expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const hostile = await post({ 'x-request-id': 'a b "forged" ' + 'x'.repeat(200) });
  expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

test('/metrics is Prometheus text with the requests counted by route and status', async () => {
  await fetch(system.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ agencies { code } }' }),
  });
  const response = await fetch(`${origin(system.gateway.url)}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^http_requests_total\{method="POST",route="graphql",status="200",service="gateway"\} \d+$/m);
  expect(text).toMatch(/^process_cpu_user_seconds_total\{service="gateway"\}/m);
  const labour = await (await fetch(`${origin(system.subgraphs.labour.url)}/metrics`)).text();
  expect(labour).toMatch(/^http_requests_total\{method="POST",route="graphql",status="200",service="labour"\} \d+$/m);
});

test('with a subgraph down the gateway is not ready and names it; its liveness is unaffected', async () => {
  await system.stopSubgraph('health');
  const ready = await fetch(`${origin(system.gateway.url)}/ready`);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as { checks: unknown }).checks).toEqual({
    labour: 'ok',
    police: 'ok',
    health: 'unreachable',
    education: 'ok',
    information: 'ok',
  });
  expect((await fetch(`${origin(system.gateway.url)}/health`)).status).toBe(200);
});
