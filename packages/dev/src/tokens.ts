import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_KEYS_DIR, Identity, identityClaims } from '@qn/common';

/** Signs a caller token with the development key, as an identity provider would (local use and tests). */
export async function mintDevToken(identity: Identity, options: { expiresIn?: string; issuer?: string; audience?: string } = {}): Promise<string> {
  const jwk = JSON.parse(readFileSync(path.join(DEV_KEYS_DIR, 'private-key.json'), 'utf8'));
  const key = await importJWK(jwk, 'ES256');
  return new SignJWT(identityClaims(identity))
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}
