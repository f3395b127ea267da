import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { ANONYMOUS, DEV_AUDIENCE, DEV_ISSUER, DEV_KEYS_DIR, Identity, identityFromClaims, unauthenticated } from '@qn/common';
import path from 'node:path';

/** The longest a caller's token may live (exp − iat); a longer-lived or older token is refused. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

export interface AuthConfig {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/**
 * Where the identity provider's public keys come from: AUTH_JWKS_URL (a real provider),
 * AUTH_JWKS_PATH (a file), or — outside production only — the development key.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv, production: boolean): AuthConfig {
  let keys: JWTVerifyGetKey;
  if (env.AUTH_JWKS_URL) {
    keys = createRemoteJWKSet(new URL(env.AUTH_JWKS_URL));
  } else {
    const file = env.AUTH_JWKS_PATH ?? (production ? undefined : path.join(DEV_KEYS_DIR, 'jwks.json'));
    if (!file) throw new Error('AUTH_JWKS_URL or AUTH_JWKS_PATH must be set in production (the development key is not trusted there)');
    try {
      keys = createLocalJWKSet(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new Error(`AUTH_JWKS_PATH: cannot read a key set from ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const issuer = env.AUTH_ISSUER ?? (production ? undefined : DEV_ISSUER);
  const audience = env.AUTH_AUDIENCE ?? (production ? undefined : DEV_AUDIENCE);
  if (!issuer) throw new Error('AUTH_ISSUER must be set in production');
  if (!audience) throw new Error('AUTH_AUDIENCE must be set in production');
  return { keys, issuer, audience };
}

/** The caller of a gateway request: anonymous without a token; a bad token is refused, never downgraded. */
export async function authenticate(authorization: string | undefined, config: AuthConfig): Promise<Identity> {
  if (!authorization) return ANONYMOUS;
  const match = authorization.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  try {
    const { payload } = await jwtVerify(match[1], config.keys, {
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
    });
    if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) throw unauthenticated('the token lives longer than 12 hours');
    return identityFromClaims(payload);
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired');
    if (error instanceof errors.JWTClaimValidationFailed && (error.claim === 'exp' || error.claim === 'iat')) {
      throw unauthenticated('the token must carry exp and iat and be at most 12 hours old');
    }
    if (error instanceof Error && 'extensions' in error) throw error;
    throw unauthenticated('the token is not valid');
  }
}
