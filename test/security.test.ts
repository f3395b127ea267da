import { SignJWT } from 'jose';
import { DATA_KEY_OWNER, gatewaySigningKey, Identity, identityClaims, IDENTITY_HEADER, InternalKey, signServiceToken, SUBGRAPHS } from '@qn/common';
import { caller, GraphQLResponse, post, startSystem, TestSystem } from './harness';

/** Hostile queries against the gateway in production mode: refused or masked, limits not echoed. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ production: true });
});
afterAll(() => system.stop());

function expectRefusedWithoutLimits(response: { errors?: { message: string }[] }) {
  expect(response.errors?.length).toBeGreaterThan(0);
  // The configured limit is not told to the caller.
  for (const e of response.errors!) expect(e.message).not.toMatch(/\b(12|30|4000|20000)\b/);
}

test('a depth-50 query is refused', async () => {
  let selection = 'code';
  for (let i = 0; i < 25; i++) selection = `owner { indicators { ${selection} } }`;
  const response = await system.query(`{ indicators { ${selection} } }`);
  expectRefusedWithoutLimits(response);
  expect(response.data).toBeFalsy();
});

test('1,000 aliases are refused', async () => {
  const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: agencies { code }`).join(' ');
  const response = await system.query(`{ ${aliases} }`);
  expectRefusedWithoutLimits(response);
});

test('a batched array of operations is refused', async () => {
  const response = await fetch(system.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ query: '{ agencies { code } }' }, { query: '{ agencies { code } }' }]),
  });
  expect(response.status).toBe(400);
  expect(await response.text()).not.toContain('LABOUR');
});

test('introspection is off in production mode', async () => {
  const response = await system.query(`{ __schema { types { name } } }`);
  expect(response.errors?.[0].message).toMatch(/introspection/i);
  expect(response.data).toBeFalsy();
});

test('field suggestions are not given', async () => {
  const response = await system.query(`{ indicator(code: "IND-3.1") { titl } }`);
  expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
});

test('a GET that could be a cross-site request is refused (CSRF prevention)', async () => {
  const response = await fetch(`${system.gateway.url}?query=${encodeURIComponent('{ agencies { code } }')}`);
  expect(response.status).toBe(400);
});

test('a failing subgraph is masked: no stack, SQL, URL or response body, but a correlation id', async () => {
  const local = await startSystem({ production: true });
  try {
    // Break police's database under it: its SQL fails with an internal error.
    await local.ownerQuery('police', 'ALTER TABLE tip RENAME TO tip_gone');
    const response = await post(local.gateway.url, { query: '{ indicator(code: "IND-3.1") { code result(period: "2024") { value } } }' });
    expect(response.data?.indicator.code).toBe('IND-3.1');
    const text = JSON.stringify(response.errors);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', correlationId: expect.any(String) });
    expect(text).not.toMatch(/\btip\b|does not exist|SELECT|stack|127\.0\.0\.1|localhost|http:/i);
  } finally {
    await local.stop();
  }
});

describe("defect 6: one subgraph's environment makes up no caller and no other subgraph's call", () => {
  const RID = 'req-defect-6';
  const POLICE_HEAD: Identity = caller('POLICE', 'AGENCY_HEAD');
  const ANONYMOUS_CALLER: Identity = { subject: 'anonymous', agency: null, roles: [], orgUnit: null };
  const now = () => Math.floor(Date.now() / 1000);
  const codesOf = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code);
  const send = (subgraph: string, query: string, token: string) =>
    post(system.subgraphs[subgraph].url, { query }, { [IDENTITY_HEADER]: token, 'x-request-id': RID });

  /** Every private key among the values of a process's environment, whatever it is named. */
  async function privateKeysIn(environment: Record<string, string>): Promise<InternalKey[]> {
    const keys: InternalKey[] = [];
    for (const value of Object.values(environment)) {
      const key = await gatewaySigningKey({ QN_GATEWAY_PRIVATE_KEY: value }).catch(() => null);
      if (key) keys.push(key);
    }
    return keys;
  }

  /** Every token one can sign with `environment` alone that claims `claims` for `audience`: with each of its values as a shared secret, and with each of its private keys as the gateway or as a subgraph. */
  async function forgeries(environment: Record<string, string>, audience: string, claims: Record<string, unknown>): Promise<Record<string, string>> {
    const tokens: Record<string, string> = {};
    const jwt = (payload: Record<string, unknown>, issuer: string, kid?: string) =>
      new SignJWT({ rid: RID, ...payload })
        .setIssuer(issuer)
        .setAudience(`qn-subgraph:${audience}`)
        .setIssuedAt(now())
        .setExpirationTime(now() + 15)
        .setProtectedHeader({ alg: 'ES256', ...(kid ? { kid } : {}) });
    for (const [name, value] of Object.entries(environment)) {
      tokens[`HS256 with ${name}`] = await new SignJWT({ rid: RID, ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('qn-gateway')
        .setAudience(`qn-subgraph:${audience}`)
        .setIssuedAt(now())
        .setExpirationTime(now() + 15)
        .sign(new TextEncoder().encode(value));
    }
    for (const [i, key] of (await privateKeysIn(environment)).entries()) {
      tokens[`private key ${i} as the gateway`] = await jwt(claims, 'qn-gateway').sign(key);
      for (const service of SUBGRAPHS) {
        tokens[`private key ${i} as ${service}, naming the caller`] = await jwt({ ...claims, service }, `qn-service:${service}`, service).sign(key);
        // The token it carries made with the same key, as if the gateway had signed it for `service`.
        const inner = await new SignJWT({ rid: RID, ...claims })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer('qn-gateway')
          .setAudience(`qn-subgraph:${service}`)
          .setIssuedAt(now())
          .setExpirationTime(now() + 15)
          .sign(key);
        tokens[`private key ${i} as ${service}, carrying its own gateway token`] = await jwt(
          { service: claims.service ?? service, via: inner },
          `qn-service:${service}`,
          service,
        ).sign(key);
      }
    }
    return tokens;
  }

  test("with information's environment only, no token it can sign is accepted by police as a police head (tips { notes }): UNAUTHENTICATED", async () => {
    const environment = system.environment('information');
    expect(Object.keys(environment).length).toBeGreaterThan(0);
    const tokens = await forgeries(environment, 'police', { ...identityClaims(POLICE_HEAD), anonymous: false });
    expect(Object.keys(tokens).length).toBeGreaterThan(SUBGRAPHS.length);
    const accepted: string[] = [];
    for (const [how, token] of Object.entries(tokens)) {
      const response = await send('police', '{ tips { totalCount nodes { id notes } } }', token);
      if (!codesOf(response).includes('UNAUTHENTICATED') || response.data) accepted.push(how);
    }
    expect(accepted).toEqual([]);
    // Control: information passing on the gateway's token it received for a police head is answered, for that caller.
    const received = await system.gatewayToken(POLICE_HEAD, { audience: 'information', requestId: RID });
    const [key] = await privateKeysIn({ own: environment.QN_SERVICE_PRIVATE_KEY });
    const passedOn = await signServiceToken('information', received, { audience: 'police', requestId: RID }, key);
    const answered = await send('police', '{ tips { totalCount nodes { id notes } } }', passedOn);
    expect(codesOf(answered)).toEqual([]);
    expect(typeof answered.data?.tips.totalCount).toBe('number');
  });

  test("with information's environment only, no token it can sign is accepted by health as labour's call (service: labour): UNAUTHENTICATED", async () => {
    const environment = system.environment('information');
    const query = '{ healthServiceUsers(period: "2024", clientCodes: ["QNG-AB23CD45"]) }';
    const tokens = await forgeries(environment, 'health', { ...identityClaims(ANONYMOUS_CALLER), anonymous: true, service: 'labour' });
    // Even carrying a token the gateway really made for labour (one labour passes on), it cannot sign as labour.
    const forLabour = await system.gatewayToken(ANONYMOUS_CALLER, { audience: 'labour', requestId: RID });
    for (const [i, key] of (await privateKeysIn(environment)).entries()) {
      tokens[`private key ${i} as labour, carrying the gateway's token for labour`] = await signServiceToken(
        'labour',
        forLabour,
        { audience: 'health', requestId: RID },
        key,
      );
    }
    const accepted: string[] = [];
    for (const [how, token] of Object.entries(tokens)) {
      const response = await send('health', query, token);
      if (!codesOf(response).includes('UNAUTHENTICATED') || response.data) accepted.push(how);
    }
    expect(accepted).toEqual([]);
    // Control: the same call signed with labour's own key is answered (a count).
    const [labourKey] = await privateKeysIn({ own: system.environment('labour').QN_SERVICE_PRIVATE_KEY });
    const real = await signServiceToken('labour', forLabour, { audience: 'health', requestId: RID }, labourKey);
    const answered = await send('health', query, real);
    expect(codesOf(answered)).toEqual([]);
    expect(answered.data?.healthServiceUsers).toBe(0);
    // And information's own call, passing on a token the gateway really made for it, is not labour's: FORBIDDEN.
    const [informationKey] = await privateKeysIn({ own: environment.QN_SERVICE_PRIVATE_KEY });
    const forInformation = await system.gatewayToken(ANONYMOUS_CALLER, { audience: 'information', requestId: RID });
    const asItself = await signServiceToken('information', forInformation, { audience: 'health', requestId: RID }, informationKey);
    const refused = await send('health', query, asItself);
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data?.healthServiceUsers ?? null).toBeNull();
  });

  test("each process's environment holds only its own private key, and its own data key", () => {
    const privateParts = (environment: Record<string, string>) =>
      Object.values(environment).flatMap((value) => {
        try {
          const parsed = JSON.parse(value) as { d?: string };
          return parsed.d ? [parsed.d] : [];
        } catch {
          return [];
        }
      });
    const owners: Record<string, string[]> = {};
    for (const service of ['gateway', ...SUBGRAPHS]) {
      const parts = privateParts(system.environment(service));
      expect({ service, privateKeys: parts.length }).toEqual({ service, privateKeys: 1 });
      for (const part of parts) (owners[part] ??= []).push(service);
    }
    expect(Object.values(owners).filter((services) => services.length > 1)).toEqual([]);
    for (const [key, owner] of Object.entries(DATA_KEY_OWNER)) {
      for (const service of ['gateway', ...SUBGRAPHS])
        expect({ service, key, held: key in system.environment(service) }).toEqual({ service, key, held: service === owner });
    }
  });
});
