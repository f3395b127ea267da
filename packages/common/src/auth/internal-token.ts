import { decodeJwt, jwtVerify, KeyLike, SignJWT } from 'jose';
import { Identity, identityClaims, identityFromClaims, ANONYMOUS, unauthenticated } from './identity';
import { INTERNAL_ALGORITHM, SubgraphKeys } from './internal-keys';

/** The header on which the gateway (or a calling subgraph) hands the verified caller to a subgraph. */
export const IDENTITY_HEADER = 'x-qn-identity';
const GATEWAY_ISSUER = 'qn-gateway';
/** Each subgraph is its own audience: a token made for police is refused by health. */
export const internalAudience = (subgraph: string): string => `qn-subgraph:${subgraph}`;
/** The issuer of a subgraph's own call to another subgraph. */
export const serviceIssuer = (subgraph: string): string => `qn-service:${subgraph}`;
const LIFETIME_SECONDS = 15;
const CLOCK_TOLERANCE_SECONDS = 2;
/** Most subgraph-to-subgraph hops one request may make below the gateway (labour → health → police is two). */
export const MAX_SERVICE_HOPS = 3;

/** What an internal token is for: the one subgraph it is sent to, within the one request it serves. */
export interface InternalTokenScope {
  audience: string;
  requestId: string;
}

/** A subgraph name, lower-case letters only (`service` claims, key ids). */
const SERVICE_NAME = /^[a-z]{1,30}$/;

/**
 * The gateway's token for one subgraph fetch: the caller it verified (or the anonymous
 * caller), for that subgraph (audience) and that request (`rid`), living 15 seconds,
 * signed with the gateway's own private key (ES256). Never a `service` claim: a caller
 * is a person.
 */
export async function signGatewayToken(identity: Identity, scope: InternalTokenScope, key: KeyLike): Promise<string> {
  if (identity.service !== undefined) throw new Error('the gateway signs callers, never a service');
  return new SignJWT({ ...identityClaims(identity), anonymous: identity.roles.length === 0, rid: scope.requestId })
    .setProtectedHeader({ alg: INTERNAL_ALGORITHM, typ: 'JWT' })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(internalAudience(scope.audience))
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key);
}

/**
 * A subgraph's (`from`'s) token for its call to another subgraph while it serves a
 * request: signed with `from`'s own private key, claim `service: from`, for the callee
 * (audience) and the same request (`rid`), living 15 seconds, and carrying (claim `via`)
 * the token `from` received for that request (the gateway's, or the calling subgraph's
 * when `from` was itself called by one). It names no caller: the callee takes the caller
 * from the gateway's token inside, so a subgraph can only pass on a caller the gateway
 * signed for it, never make one up.
 */
export async function signServiceToken(from: string, received: string, scope: InternalTokenScope, key: KeyLike): Promise<string> {
  if (!SERVICE_NAME.test(from)) throw new Error(`'${from}' is not a service name`);
  return new SignJWT({ service: from, rid: scope.requestId, via: received })
    .setProtectedHeader({ alg: INTERNAL_ALGORITHM, typ: 'JWT', kid: from })
    .setIssuer(serviceIssuer(from))
    .setAudience(internalAudience(scope.audience))
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key);
}

function refuse(message: string): never {
  throw unauthenticated(message);
}

/**
 * One token of the chain, for `audience`: the gateway's (verified with the gateway's
 * public key) or a subgraph's (verified with that subgraph's public key), with the
 * token it carries checked in turn for the subgraph that signed it. `at` is when the
 * token that carries this one was made: a token passed on must have been valid then.
 */
async function verifyHop(token: string, audience: string, requestId: string, keys: SubgraphKeys, hop: number, at?: Date): Promise<Identity> {
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    refuse('the gateway token is not valid');
  }
  const service = typeof issuer === 'string' && issuer.startsWith(serviceIssuer('')) ? issuer.slice(serviceIssuer('').length) : null;
  if (issuer !== GATEWAY_ISSUER && service === null) refuse('the gateway token is not valid');
  const key = service === null ? keys.gateway : keys.services.get(service);
  if (!key) refuse(`calls from the ${service} subgraph are not accepted here`);
  let payload: Record<string, unknown>;
  let iat: number;
  try {
    const verified = await jwtVerify(token, key, {
      issuer: issuer as string,
      audience: internalAudience(audience),
      algorithms: [INTERNAL_ALGORITHM],
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: `${LIFETIME_SECONDS}s`,
      // Hosts' clocks differ a little; a token is never accepted more than two seconds past its life.
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: at,
    });
    payload = verified.payload as Record<string, unknown>;
    iat = verified.payload.iat!;
  } catch {
    refuse('the gateway token is not valid');
  }
  // Bound to the request it was made for: replayed under another x-request-id it is refused.
  if (payload.rid !== requestId) refuse('the gateway token was made for another request');
  if (service === null) {
    if (payload.service !== undefined) refuse('the gateway token is not valid');
    return payload.anonymous === true ? { ...ANONYMOUS } : identityFromClaims(payload);
  }
  if (payload.service !== service || !SERVICE_NAME.test(service)) refuse('the service token is not valid');
  if (typeof payload.via !== 'string') refuse('a subgraph passes on the token of the request it serves');
  if (hop >= MAX_SERVICE_HOPS) refuse('too many subgraph-to-subgraph calls for one request');
  // The token passed on was made for the calling subgraph, and was valid when it was passed on.
  const caller = await verifyHop(payload.via, service, requestId, keys, hop + 1, new Date(iat * 1000));
  return { ...caller, service };
}

/**
 * The caller a subgraph request carries; refuses a request without a valid token:
 * - the gateway's token for this subgraph and this request (`signGatewayToken`); or
 * - a calling subgraph's token for this subgraph and this request (`signServiceToken`),
 *   signed with a key of `keys.services` for the subgraph its `service` claim names,
 *   carrying a token valid for that subgraph and request when it was made: the
 *   gateway's for the calling subgraph, or (up to MAX_SERVICE_HOPS) a further
 *   subgraph's token that carries it. The caller is the gateway's token's; `service`
 *   is the subgraph that calls this one.
 */
export async function verifyInternalToken(token: string | undefined, expected: InternalTokenScope, keys: SubgraphKeys): Promise<Identity> {
  if (!token) throw unauthenticated('subgraphs answer only requests that come through the gateway');
  try {
    return await verifyHop(token, expected.audience, expected.requestId, keys, 0);
  } catch (error) {
    if (error instanceof Error && 'extensions' in error) throw error;
    throw unauthenticated('the gateway token is not valid');
  }
}
