import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_KEYS_DIR, IDENTITY_HEADER } from '@qn/common';
import { mintDevToken } from '@qn/dev';
import { importJWK, SignJWT } from 'jose';
import { caller, dataOf, post, startSystem, TestSystem } from './harness';

/**
 * What one request may cost the agencies, and what a hostile or careless client gets
 * back (issue 11: defects 2, 3, 4, 11, 14), through the gateway over real HTTP in
 * production mode.
 */
let system: TestSystem;
const analyst = caller('LABOUR', 'ANALYST');
const officer = caller('POLICE', 'AGENCY_OFFICER');

beforeAll(async () => {
  system = await startSystem({ production: true });
});
afterAll(() => system.stop());

/** A server that accepts connections and never answers: a subgraph that stalls. */
async function stalledServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function raw(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json: any; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, text, json, headers: response.headers };
}

const codes = (response: { errors?: { extensions?: Record<string, any> }[] }) => (response.errors ?? []).map((e) => e.extensions?.code);

function noLeak(text: string) {
  expect(text).not.toMatch(/<html|<pre|\bat .*\.(js|ts):\d+|\/work\/|node_modules|stack/i);
}

describe('cost that bounds real work (defect 2)', () => {
  // The issue's probe: 30 aliases of a catalogue walk that nests lists four deep.
  const nested = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: agencies { tasks { indicators { owner { tasks { indicators { code title } } } } } }`).join(' ')} }`;

  test("the issue's nested catalogue query is refused before any subgraph is asked, with COST_LIMIT_EXCEEDED", async () => {
    system.gateway.fetches.reset();
    const response = await post(system.gateway.url, { query: nested });
    expect(codes(response)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(response.data ?? null).toBeNull();
    // The message must not reveal the limit or the computed cost; the correlation id is a random UUID whose
    // groups can be all digits, so it is left out of the check.
    const [error] = response.errors ?? [];
    const { correlationId: _correlationId, ...shown } = error?.extensions ?? {};
    expect(JSON.stringify({ message: error?.message, extensions: shown })).not.toMatch(/50000|\b\d{5,}\b/);
    expect(system.gateway.fetches.snapshot()).toEqual({});
  });

  test('one copy of the nested walk is refused too: the cost counts list sizes, not fields', async () => {
    // 16 agencies × 41 tasks × 3 indicators × 1 owner × 41 tasks × 3 indicators × 2 fields is far above the limit,
    // though the query has only 8 fields.
    const response = await post(system.gateway.url, { query: '{ agencies { tasks { indicators { owner { tasks { indicators { code title } } } } } } }' });
    expect(codes(response)).toEqual(['COST_LIMIT_EXCEEDED']);
  });

  test('the README dashboard still answers', async () => {
    const response = await system.query(
      `query Dashboard {
      indicators { code owner { code } result(period: "2024") { numerator denominator value target status } }
      progress: tasks(section: "V.4") { id owner { code } progress(period: "2024") { count evidence } }
      byDistrict: indicator(code: "IND-3.3a") { resultsByDistrict(period: "2024") { orgUnit { name } value status } }
    }`,
      undefined,
      { as: caller('LABOUR', 'COORDINATOR') },
    );
    expect(dataOf(response).indicators).toHaveLength(16);
  });

  test('a page size counts: fifteen pages of 500 tips are refused, fifteen pages of 20 answer', async () => {
    // 15 aliases × (1 + 500 tips × (1 + 7 fields)) = 60,015 > 50,000; with first: 20 it is 2,415.
    const query = (first: number) =>
      `{ ${Array.from({ length: 15 }, (_, i) => `p${i}: tips(first: ${first}, filter: { districtId: "${522 + i}" }) { nodes { id districtId receivedOn kind channel classification handledOn } }`).join(' ')} }`;
    expect(codes(await system.query(query(500), undefined, { as: officer }))).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(codes(await system.query(query(20), undefined, { as: officer }))).toEqual([]);
    // Read backward, `last` counts the same way.
    const backward = query(500).replace(/first:/g, 'last:');
    expect(codes(await system.query(backward, undefined, { as: officer }))).toEqual(['COST_LIMIT_EXCEEDED']);
  });

  test('an answer larger than the cap is refused with RESPONSE_TOO_LARGE, not sent', async () => {
    const small = await system.startGateway({ limits: { maxResponseBytes: 4000 } });
    const big = await raw(small.url, JSON.stringify({ query: '{ tasks { id title titleVi } }' }));
    expect(big.status).toBe(400);
    expect(big.json.data ?? null).toBeNull();
    expect(codes(big.json)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(big.text.length).toBeLessThan(4000);
    const ok = await raw(small.url, JSON.stringify({ query: '{ agencies { code } }' }));
    expect(ok.json.data.agencies).toHaveLength(18); // section V's 16 and the two that took over duties in 2025
  });

  test('each caller has a rate: over it, RATE_LIMITED with HTTP 429 and Retry-After; another caller is not slowed', async () => {
    const limited = await system.startGateway({ limits: { requestsPerSecond: 3 } });
    const token = await mintDevToken(analyst);
    const other = await mintDevToken(caller('HEALTH', 'ANALYST'));
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => raw(limited.url, JSON.stringify({ query: '{ agencies { code } }' }), { authorization: `Bearer ${token}` })),
    );
    const refused = burst.filter((r) => r.status === 429);
    // 3 requests per second: of 8 sent at once, 3 are served and 5 refused.
    expect(burst.filter((r) => r.status === 200)).toHaveLength(3);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(codes(r.json)).toEqual(['RATE_LIMITED']);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    const second = await raw(limited.url, JSON.stringify({ query: '{ agencies { code } }' }), { authorization: `Bearer ${other}` });
    expect(second.status).toBe(200);
  });

  test('a request that outlasts the request timeout gets REQUEST_TIMEOUT (HTTP 503), not a hang', async () => {
    const stalled = await stalledServer();
    try {
      const gateway = await system.startGateway({ subgraphUrls: { labour: stalled.url }, limits: { requestTimeoutMs: 300, subgraphTimeoutMs: 60000 } });
      const response = await raw(gateway.url, JSON.stringify({ query: '{ agencies { code } }' }));
      expect(response.status).toBe(503);
      expect(codes(response.json)).toEqual(['REQUEST_TIMEOUT']);
    } finally {
      await stalled.close();
    }
  });
});

describe('list arguments are capped at the gateway (defect 1, every list argument)', () => {
  test('a list argument over 100 items is BAD_USER_INPUT naming the argument, before any subgraph is asked', async () => {
    system.gateway.fetches.reset();
    const ids = Array.from({ length: 101 }, (_, i) => `u${i}`);
    const response = await system.query(
      'mutation($u: [ID!]) { createReportDrafts(input: { period: "2024Q3", unitIds: $u, idempotencyKey: "list-cap-variables" }) { id } }',
      { u: ids },
      { as: analyst },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitIds' });
    expect(system.gateway.fetches.snapshot()).toEqual({});
  });

  test('inside an input object too, written inline', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `"u${i}"`).join(',');
    const response = await system.query(
      `mutation { createReportDrafts(input: { period: "2024Q3", unitIds: [${ids}], idempotencyKey: "inline-list-1" }) { id } }`,
      undefined,
      { as: analyst },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitIds' });
  });
});

describe('a stalled subgraph (defect 3)', () => {
  test("costs only its own fields: SUBGRAPH_UNAVAILABLE { service } after QN_SUBGRAPH_TIMEOUT_MS, with the others' data", async () => {
    const stalled = await stalledServer();
    try {
      // Long enough for the other subgraphs on a busy machine, short enough for a test.
      const gateway = await system.startGateway({ subgraphUrls: { information: stalled.url }, limits: { subgraphTimeoutMs: 3000 } });
      const response = await post(gateway.url, { query: '{ indicators { code owner { code } result(period: "2024") { value } } }' });
      const indicators = response.data!.indicators as { code: string; owner: { code: string }; result: unknown }[];
      expect(indicators).toHaveLength(16);
      // INFORMATION computes IND-1.2a and IND-1.2b; every other indicator answers.
      expect(
        indicators
          .filter((i) => i.result === null)
          .map((i) => i.code)
          .sort(),
      ).toEqual(['IND-1.2a', 'IND-1.2b']);
      expect(indicators.find((i) => i.code === 'IND-3.1')!.result).not.toBeNull();
      const unavailable = response.errors!.filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
      expect(unavailable.length).toBeGreaterThan(0);
      for (const e of unavailable) expect(e.extensions?.service).toBe('information');
      expect(JSON.stringify(response.errors)).not.toMatch(/127\.0\.0\.1|http:|abort|timeout/i);
    } finally {
      await stalled.close();
    }
  });
});

describe('claims are checked (defects 4 and 11)', () => {
  async function signed(claims: Record<string, unknown>, times: { iat?: number | null; exp?: number | null } = {}): Promise<string> {
    const jwk = JSON.parse(readFileSync(path.join(DEV_KEYS_DIR, 'private-key.json'), 'utf8'));
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE);
    if (times.iat !== null) jwt.setIssuedAt(times.iat ?? now);
    if (times.exp !== null) jwt.setExpirationTime(times.exp ?? now + 3600);
    return jwt.sign(await importJWK(jwk, 'ES256'));
  }
  const police = { agency: 'POLICE', roles: ['AGENCY_OFFICER'] };
  const RECEIVE = 'mutation { receiveTip(input: { kind: DENUNCIATION, channel: HOTLINE, districtId: "522", receivedOn: "2024-03-01" }) { id } }';

  async function tipCount(): Promise<number> {
    const [{ n }] = await system.subgraphs.police.dataSource.query('SELECT count(*)::int AS n FROM tip');
    return n;
  }

  test.each([
    ['a 250-character sub', { ...police, sub: 'x'.repeat(250) }],
    ['a sub with a NUL byte', { ...police, sub: 'officer\u0000nguyen' }],
    ['a sub with a newline', { ...police, sub: 'officer\nnguyen' }],
    ['an org_unit that is an agency code', { sub: 'head-524', agency: 'DISTRICTS', roles: ['AGENCY_HEAD'], org_unit: 'POLICE' }],
    ['an org_unit that is a commune', { sub: 'head-21010', agency: 'DISTRICTS', roles: ['AGENCY_HEAD'], org_unit: '21010' }],
    ['an agency that is not a code', { ...police, sub: 'x', agency: 'police; drop' }],
  ])('%s is refused at the gateway (UNAUTHENTICATED) and nothing is stored', async (_name, claims) => {
    const before = await tipCount();
    const response = await post(system.gateway.url, { query: RECEIVE }, { authorization: `Bearer ${await signed(claims)}` });
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await tipCount()).toBe(before);
  });

  const now = Math.floor(Date.now() / 1000);
  test.each([
    ['no exp', { exp: null }],
    ['no iat', { iat: null }],
    ['exp 100 years ahead', { exp: now + 100 * 365 * 86400 }],
    ['a 13-hour lifetime', { exp: now + 13 * 3600 }],
    ['issued 13 hours ago', { iat: now - 13 * 3600, exp: now + 600 }],
  ])('a token with %s is refused', async (_name, times) => {
    const response = await post(
      system.gateway.url,
      { query: '{ tips { totalCount } }' },
      { authorization: `Bearer ${await signed({ ...police, sub: 'officer' }, times)}` },
    );
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  test('a well-formed 12-hour token of a district head is accepted', async () => {
    const token = await signed({ sub: 'head-524', agency: 'DISTRICTS', roles: ['AGENCY_HEAD'], org_unit: '524' }, { exp: now + 12 * 3600 });
    expect(codes(await post(system.gateway.url, { query: '{ agencies { code } }' }, { authorization: `Bearer ${token}` }))).toEqual([]);
  });
});

describe('codes, not "Internal error", and no HTML pages (defect 14)', () => {
  test('a NUL byte in a string argument is BAD_USER_INPUT naming it, and nothing is stored', async () => {
    const [{ n: before }] = await system.subgraphs.police.dataSource.query('SELECT count(*)::int AS n FROM service_business');
    const response = await system.query(
      'mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id } }',
      {
        input: { kind: 'KARAOKE', name: 'Karaoke\u0000Hoa', districtId: '522', communeId: '21010', openedOn: '2023-01-01', employees: 5 },
      },
      { as: caller('POLICE', 'AGENCY_OFFICER') },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const [{ n: after }] = await system.subgraphs.police.dataSource.query('SELECT count(*)::int AS n FROM service_business');
    expect(after).toBe(before);
  });

  test('a filter id that is not a uuid is BAD_USER_INPUT naming the field', async () => {
    const response = await system.query('{ communicationSessions(filter: { institutionId: "not-a-uuid" }) { totalCount } }', undefined, {
      as: caller('EDUCATION', 'AGENCY_OFFICER'),
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.institutionId' });
  });

  test.each([
    ['not base64 JSON', 'garbage!!'],
    ['a key that is not a date', Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url')],
    ['an id that is not a uuid', Buffer.from(JSON.stringify(['2024-01-01', 'x'])).toString('base64url')],
  ])('a malformed cursor (%s) is BAD_USER_INPUT on `after`', async (_name, cursor) => {
    const response = await system.query('query($a: String) { tips(after: $a) { totalCount } }', { a: cursor }, { as: officer });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('a persisted-query hash that does not match the query is BAD_REQUEST (HTTP 400)', async () => {
    const response = await raw(
      system.gateway.url,
      JSON.stringify({
        query: '{ agencies { code } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('something else').digest('hex') } },
      }),
    );
    expect(response.status).toBe(400);
    expect(codes(response.json)).toEqual(['BAD_REQUEST']);
  });

  test('an unknown operationName is BAD_REQUEST (HTTP 400) naming operationName', async () => {
    const response = await raw(system.gateway.url, JSON.stringify({ query: 'query A { agencies { code } }', operationName: 'B' }));
    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'operationName' });
  });

  test('a syntax error and a query over the token limit are HTTP 400', async () => {
    const syntax = await raw(system.gateway.url, JSON.stringify({ query: '{ agencies { code ' }));
    expect(syntax.status).toBe(400);
    expect(codes(syntax.json)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const fields = Array.from({ length: 4500 }, () => 'code').join(' ');
    const tokens = await raw(system.gateway.url, JSON.stringify({ query: `{ agencies { ${fields} } }` }));
    expect(tokens.status).toBe(400);
    expect(codes(tokens.json)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(tokens.text).not.toMatch(/4000/);
  });

  test.each([true, false])('malformed JSON is a JSON error (HTTP 400), never an HTML page (production mode: %s)', async (production) => {
    const gateway = production ? system.gateway : await system.startGateway({ production: false });
    const response = await raw(gateway.url, '{"query": "{ agencies { code } }"');
    expect(response.status).toBe(400);
    expect(codes(response.json)).toEqual(['BAD_REQUEST']);
    noLeak(response.text);
  });

  test('a body over the limit (1 MB by default) is HTTP 413 as JSON', async () => {
    const body = JSON.stringify({ query: '{ agencies { code } }', variables: { pad: 'x'.repeat(1024 * 1024 + 10) } });
    const response = await raw(system.gateway.url, body);
    expect(response.status).toBe(413);
    expect(codes(response.json)).toEqual(['BAD_REQUEST']);
    noLeak(response.text);
    expect(system.gateway.limits.maxBodyBytes).toBe(1024 * 1024);
  });

  test("the correlation id is the caller's x-request-id, the one the subgraphs log", async () => {
    // Renaming is not a write: police would still answer from the measures it keeps. A write (of nothing) to the table
    // gives the measures that read it a new version (they are kept by the versions of the tables they name).
    await system.ownerQuery('police', 'DELETE FROM criminal_case WHERE false');
    await system.ownerQuery('police', 'ALTER TABLE criminal_case RENAME TO criminal_case_gone');
    try {
      const response = await raw(system.gateway.url, JSON.stringify({ query: '{ indicator(code: "IND-3.2") { result(period: "2024") { value } } }' }), {
        'x-request-id': 'req-7f3a-2024',
      });
      const internal = response.json.errors.find((e: any) => e.extensions.code === 'INTERNAL_SERVER_ERROR');
      expect(internal.extensions.correlationId).toBe('req-7f3a-2024');
      expect(response.headers.get('x-request-id')).toBe('req-7f3a-2024');
      const fresh = await raw(system.gateway.url, JSON.stringify({ query: '{ indicator(code: "IND-3.2") { result(period: "2024") { value } } }' }), {
        'x-request-id': 'bad id with spaces',
      });
      const id = fresh.json.errors[0].extensions.correlationId;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(fresh.headers.get('x-request-id')).toBe(id);
    } finally {
      await system.ownerQuery('police', 'ALTER TABLE criminal_case_gone RENAME TO criminal_case');
    }
  });
});

describe("the gateway's token to a subgraph (defect 6, in part)", () => {
  const head = caller('POLICE', 'AGENCY_HEAD');
  const send = (name: string, token: string, requestId: string) =>
    post(system.subgraphs[name].url, { query: '{ tips { totalCount } }' }, { [IDENTITY_HEADER]: token, 'x-request-id': requestId });

  test('is for one subgraph and one request: replayed at another subgraph or under another request id it is refused', async () => {
    const token = await system.gatewayToken(head, { audience: 'police', requestId: 'req-police-1' });
    expect(codes(await send('police', token, 'req-police-1'))).toEqual([]);
    expect(codes(await send('police', token, 'req-police-2'))).toEqual(['UNAUTHENTICATED']);
    const atHealth = await post(
      system.subgraphs.health.url,
      { query: '{ harmReductionContacts { totalCount } }' },
      { [IDENTITY_HEADER]: token, 'x-request-id': 'req-police-1' },
    );
    expect(codes(atHealth)).toEqual(['UNAUTHENTICATED']);
  });

  test('lives 15 seconds', async () => {
    const token = await system.gatewayToken(head, { audience: 'police', requestId: 'r' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(15);
    expect(payload.aud).toBe('qn-subgraph:police');
  });
});
