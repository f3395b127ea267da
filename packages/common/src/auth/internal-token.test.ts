import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { Identity } from './identity';
import { gatewaySigningKey, generateInternalKeys, InternalKey, InternalKeySet, internalKeyEnvironment, SubgraphKeys, subgraphKeys } from './internal-keys';
import { MAX_SERVICE_HOPS, signGatewayToken, signServiceToken, verifyInternalToken } from './internal-token';

const HEAD: Identity = { subject: 'police-head-1', agency: 'POLICE', roles: ['AGENCY_HEAD'], orgUnit: null };
const RID = 'req-1';

let set: InternalKeySet;
let gatewayKey: InternalKey;
/** Each subgraph's keys, as its process reads them from its own environment. */
const keysOf: Record<string, SubgraphKeys> = {};
const NAMES = ['labour', 'police', 'health', 'information'];

beforeAll(async () => {
  set = await generateInternalKeys(NAMES);
  gatewayKey = await gatewaySigningKey(internalKeyEnvironment(set, 'gateway'));
  for (const name of NAMES) keysOf[name] = await subgraphKeys(internalKeyEnvironment(set, name));
});

/** The code of the error a verification ends with, or the identity it gives. */
async function verdict(token: string | undefined, audience: string, requestId = RID): Promise<Identity | string> {
  try {
    return await verifyInternalToken(token, { audience, requestId }, keysOf[audience]);
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? String(error);
  }
}

const gatewayToken = (audience: string, identity: Identity = HEAD, requestId = RID) => signGatewayToken(identity, { audience, requestId }, gatewayKey);
const serviceToken = (from: string, received: string, audience: string, requestId = RID) =>
  signServiceToken(from, received, { audience, requestId }, keysOf[from].own);

describe("the gateway's token", () => {
  test('is accepted by the subgraph and for the request it was made for, giving the caller and no service', async () => {
    expect(await verdict(await gatewayToken('police'), 'police')).toEqual(HEAD);
    const anonymous = await verdict(await gatewayToken('police', { subject: 'anonymous', agency: null, roles: [], orgUnit: null }), 'police');
    expect(anonymous).toEqual({ subject: 'anonymous', agency: null, roles: [], orgUnit: null });
  });

  test('is refused by another subgraph, under another request id, and without a token', async () => {
    const token = await gatewayToken('police');
    expect(await verdict(token, 'health')).toBe('UNAUTHENTICATED');
    expect(await verdict(token, 'police', 'req-2')).toBe('UNAUTHENTICATED');
    expect(await verdict(undefined, 'police')).toBe('UNAUTHENTICATED');
    expect(await verdict('not-a-jwt', 'police')).toBe('UNAUTHENTICATED');
  });

  test('lives 15 seconds, and is refused once it has (two seconds of clock tolerance)', async () => {
    const token = await gatewayToken('police');
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(15);
    const late = await new SignJWT({ sub: HEAD.subject, agency: 'POLICE', roles: ['AGENCY_HEAD'], org_unit: null, anonymous: false, rid: RID })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('qn-gateway')
      .setAudience('qn-subgraph:police')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 18)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3)
      .sign(gatewayKey);
    expect(await verdict(late, 'police')).toBe('UNAUTHENTICATED');
  });

  test('signed with any key but the gateway’s (a subgraph’s own, with the same claims) is refused', async () => {
    const claims = { sub: HEAD.subject, agency: 'POLICE', roles: ['AGENCY_HEAD'], org_unit: null, anonymous: false, rid: RID };
    for (const name of NAMES) {
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('qn-gateway')
        .setAudience('qn-subgraph:police')
        .setIssuedAt()
        .setExpirationTime('15s')
        .sign(keysOf[name].own);
      expect({ name, verdict: await verdict(forged, 'police') }).toEqual({ name, verdict: 'UNAUTHENTICATED' });
    }
  });

  test('never carries a service: the gateway will not sign one, and a subgraph refuses one that does', async () => {
    await expect(gatewayToken('health', { ...HEAD, service: 'labour' })).rejects.toThrow(/never a service/);
    const withService = await new SignJWT({ sub: HEAD.subject, agency: 'POLICE', roles: ['AGENCY_HEAD'], anonymous: false, rid: RID, service: 'labour' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('qn-gateway')
      .setAudience('qn-subgraph:health')
      .setIssuedAt()
      .setExpirationTime('15s')
      .sign(gatewayKey);
    expect(await verdict(withService, 'health')).toBe('UNAUTHENTICATED');
  });
});

describe("a subgraph's call to another: its own signature around the gateway's token", () => {
  test("gives the gateway's caller, and the calling subgraph as service", async () => {
    const token = await serviceToken('labour', await gatewayToken('labour'), 'health');
    expect(await verdict(token, 'health')).toEqual({ ...HEAD, service: 'labour' });
  });

  test('passed on again (labour → health → police) gives the same caller, and the last caller as service', async () => {
    const toHealth = await serviceToken('labour', await gatewayToken('labour'), 'health');
    expect(await verdict(await serviceToken('health', toHealth, 'police'), 'police')).toEqual({ ...HEAD, service: 'health' });
  });

  test("is refused when the token inside was not made for the calling subgraph (the gateway's token for another one)", async () => {
    // information holds a token the gateway made for police: it cannot pass it on as its own caller.
    expect(await verdict(await serviceToken('information', await gatewayToken('police'), 'health'), 'health')).toBe('UNAUTHENTICATED');
    // …nor one made for the callee itself (a replay wrapped in a service token).
    expect(await verdict(await serviceToken('information', await gatewayToken('health'), 'health'), 'health')).toBe('UNAUTHENTICATED');
  });

  test('is refused for another callee, or when either token is for another request', async () => {
    const token = await serviceToken('labour', await gatewayToken('labour'), 'health');
    expect(await verdict(token, 'police')).toBe('UNAUTHENTICATED');
    expect(await verdict(token, 'health', 'req-2')).toBe('UNAUTHENTICATED');
    expect(await verdict(await serviceToken('labour', await gatewayToken('labour', HEAD, 'req-2'), 'health'), 'health')).toBe('UNAUTHENTICATED');
  });

  test("claiming another subgraph is refused: information cannot sign as labour, nor name labour in its own token's service", async () => {
    const received = await gatewayToken('labour');
    const asLabour = await new SignJWT({ service: 'labour', rid: RID, via: received })
      .setProtectedHeader({ alg: 'ES256', kid: 'labour' })
      .setIssuer('qn-service:labour')
      .setAudience('qn-subgraph:health')
      .setIssuedAt()
      .setExpirationTime('15s')
      .sign(keysOf.information.own);
    expect(await verdict(asLabour, 'health')).toBe('UNAUTHENTICATED');
    const namingLabour = await new SignJWT({ service: 'labour', rid: RID, via: await gatewayToken('information') })
      .setProtectedHeader({ alg: 'ES256', kid: 'information' })
      .setIssuer('qn-service:information')
      .setAudience('qn-subgraph:health')
      .setIssuedAt()
      .setExpirationTime('15s')
      .sign(keysOf.information.own);
    expect(await verdict(namingLabour, 'health')).toBe('UNAUTHENTICATED');
  });

  test('naming a caller itself instead of carrying the gateway’s token is refused', async () => {
    const made = await new SignJWT({ service: 'information', rid: RID, sub: HEAD.subject, agency: 'POLICE', roles: ['AGENCY_HEAD'], anonymous: false })
      .setProtectedHeader({ alg: 'ES256', kid: 'information' })
      .setIssuer('qn-service:information')
      .setAudience('qn-subgraph:police')
      .setIssuedAt()
      .setExpirationTime('15s')
      .sign(keysOf.information.own);
    expect(await verdict(made, 'police')).toBe('UNAUTHENTICATED');
  });

  test('from a subgraph whose key the callee does not hold is refused', async () => {
    const others = await generateInternalKeys(['culture', 'police']);
    const culture = await subgraphKeys(internalKeyEnvironment(others, 'culture'));
    const token = await signServiceToken('culture', await gatewayToken('culture'), { audience: 'police', requestId: RID }, culture.own);
    expect(await verdict(token, 'police')).toBe('UNAUTHENTICATED');
  });

  test('a token passed on must have been valid when it was: an expired one wrapped in a fresh call is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ sub: HEAD.subject, agency: 'POLICE', roles: ['AGENCY_HEAD'], org_unit: null, anonymous: false, rid: RID })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('qn-gateway')
      .setAudience('qn-subgraph:labour')
      .setIssuedAt(now - 30)
      .setExpirationTime(now - 15)
      .sign(gatewayKey);
    expect(await verdict(await serviceToken('labour', expired, 'health'), 'health')).toBe('UNAUTHENTICATED');
  });

  test(`at most ${MAX_SERVICE_HOPS} calls deep`, async () => {
    // labour → health → police → labour → health: four hops below the gateway.
    const path = ['labour', 'health', 'police', 'labour', 'health'];
    let token = await gatewayToken(path[0]);
    for (let i = 0; i < path.length - 1; i++) {
      token = await serviceToken(path[i], token, path[i + 1]);
      const expected = i + 1 <= MAX_SERVICE_HOPS ? { ...HEAD, service: path[i] } : 'UNAUTHENTICATED';
      expect({ hop: i + 1, verdict: await verdict(token, path[i + 1]) }).toEqual({ hop: i + 1, verdict: expected });
    }
  });
});

describe('the keys each process is given', () => {
  test("the gateway its private key only; a subgraph the gateway's public key, its own private key and the subgraphs' public keys", () => {
    expect(Object.keys(internalKeyEnvironment(set, 'gateway'))).toEqual(['QN_GATEWAY_PRIVATE_KEY']);
    const police = internalKeyEnvironment(set, 'police');
    expect(Object.keys(police).sort()).toEqual(['QN_GATEWAY_PUBLIC_KEY', 'QN_SERVICE_PRIVATE_KEY', 'QN_SERVICE_PUBLIC_KEYS']);
    expect(JSON.parse(police.QN_GATEWAY_PUBLIC_KEY).d).toBeUndefined();
    expect(police.QN_SERVICE_PRIVATE_KEY).toBe(set.services.police.privateKey);
    const trusted = JSON.parse(police.QN_SERVICE_PUBLIC_KEYS).keys as { kid: string; d?: string }[];
    expect(trusted.map((k) => k.kid)).toEqual(NAMES);
    expect(trusted.every((k) => k.d === undefined)).toBe(true);
    // No private key of any other process appears in police's variables.
    const others = [set.gateway.privateKey, ...NAMES.filter((n) => n !== 'police').map((n) => set.services[n].privateKey)];
    const text = JSON.stringify(police);
    for (const key of others) expect(text).not.toContain(JSON.parse(key).d);
  });

  test("a subgraph refuses to start with the gateway's private key as its public key, or without a key", async () => {
    const police = internalKeyEnvironment(set, 'police');
    await expect(subgraphKeys({ ...police, QN_GATEWAY_PUBLIC_KEY: set.gateway.privateKey })).rejects.toThrow(/QN_GATEWAY_PUBLIC_KEY.*public key only/);
    await expect(subgraphKeys({ ...police, QN_SERVICE_PRIVATE_KEY: undefined })).rejects.toThrow(/QN_SERVICE_PRIVATE_KEY must be set/);
    await expect(subgraphKeys({ ...police, QN_SERVICE_PUBLIC_KEYS: '{"keys":[{"kty":"EC"}]}' })).rejects.toThrow(/kid/);
    await expect(gatewaySigningKey({})).rejects.toThrow(/QN_GATEWAY_PRIVATE_KEY must be set/);
    await expect(gatewaySigningKey({ QN_GATEWAY_PRIVATE_KEY: 'x'.repeat(40) })).rejects.toThrow(/QN_GATEWAY_PRIVATE_KEY/);
  });

  test('PEM keys are read as well as JWKs (line breaks written as \\n too)', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const [pkcs8, spki] = [await exportPKCS8(pair.privateKey), await exportSPKI(pair.publicKey)];
    const signing = await gatewaySigningKey({ QN_GATEWAY_PRIVATE_KEY: pkcs8.replace(/\n/g, '\\n') });
    const police = await subgraphKeys({ ...internalKeyEnvironment(set, 'police'), QN_GATEWAY_PUBLIC_KEY: spki });
    const token = await signGatewayToken(HEAD, { audience: 'police', requestId: RID }, signing);
    expect(await verifyInternalToken(token, { audience: 'police', requestId: RID }, police)).toEqual(HEAD);
  });
});
