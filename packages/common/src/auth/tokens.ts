import path from 'node:path';

/**
 * The development key's issuer, audience and folder (keys/dev): the gateway trusts its public
 * key outside production only; tokens signed with its private key come from @qn/dev's `mintDevToken`.
 */
export const DEV_ISSUER = 'qn-dev';
export const DEV_AUDIENCE = 'qn-graph';
export const DEV_KEYS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'keys', 'dev');
