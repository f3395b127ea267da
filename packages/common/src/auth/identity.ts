import { GraphQLError } from 'graphql';
import { REFORM_DATE, territory } from '../territory';

/** What a caller may be; a token can carry several. */
export const ROLES = ['AGENCY_OFFICER', 'AGENCY_HEAD', 'DISTRICT_OFFICER', 'COORDINATOR', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The verified caller, as the gateway passes it to every subgraph.
 * `agency` is an agency code (POLICE, LABOUR, DISTRICTS…); `orgUnit` limits the
 * caller to one district-level unit (null: the whole province).
 */
export interface Identity {
  subject: string;
  agency: string | null;
  roles: Role[];
  orgUnit: string | null;
  /**
   * Set only on a subgraph-to-subgraph request that needs record-level matching: the
   * calling subgraph (e.g. `labour`), on top of the person whose request it serves.
   * Only `signServiceToken` writes it (claim `service`, signed with that subgraph's own
   * key) and only `verifyInternalToken` reads it back; neither the gateway's token nor a
   * caller's own token can carry it (`identityFromClaims`).
   */
  service?: string;
}

export const ANONYMOUS: Identity = { subject: 'anonymous', agency: null, roles: [], orgUnit: null };

export function isAnonymous(identity: Identity): boolean {
  return identity.roles.length === 0;
}

/**
 * Reads identity claims (`sub`, `agency`, `roles`, `org_unit`) from a verified token's
 * payload. Never `service`: the gateway uses this for callers' own tokens, and no caller
 * may claim to be a subgraph.
 */
/** Longest subject a token may carry (the audit log's `subject` column holds 200). */
export const MAX_SUBJECT_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const AGENCY_CODE = /^[A-Z][A-Z_]{1,29}$/;

/**
 * Reads identity claims (`sub`, `agency`, `roles`, `org_unit`) from a verified token's
 * payload and refuses claims that cannot be right: a subject over 200 characters or
 * with control characters (NUL…), an agency that is not an agency code, an `org_unit`
 * that is not a local unit of the territory (a district-level unit, or a commune-level
 * unit of the two-tier local government from 1/7/2025).
 */
export function identityFromClaims(claims: Record<string, unknown>): Identity {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(String(r))) : [];
  if (typeof claims.sub !== 'string' || !claims.sub) throw unauthenticated('the token has no subject');
  if (claims.sub.length > MAX_SUBJECT_LENGTH || CONTROL_CHARACTERS.test(claims.sub) || claims.sub.trim() !== claims.sub) {
    throw unauthenticated(`the token's subject must be 1 to ${MAX_SUBJECT_LENGTH} printable characters`);
  }
  if (roles.length === 0) throw unauthenticated('the token has no known role');
  const agency = typeof claims.agency === 'string' && claims.agency !== '' ? claims.agency : null;
  if (agency !== null && !AGENCY_CODE.test(agency)) throw unauthenticated("the token's agency is not an agency code");
  const orgUnit = typeof claims.org_unit === 'string' && claims.org_unit !== '' ? claims.org_unit : null;
  const unit = orgUnit === null ? undefined : territory.get(orgUnit);
  // The local level: a district-level unit (to 30/6/2025) or a commune-level unit of the two-tier government (from 1/7/2025).
  if (orgUnit !== null && !(unit?.level === 'DISTRICT' || (unit?.level === 'COMMUNE' && unit.validFrom >= REFORM_DATE))) {
    throw unauthenticated("the token's org_unit is not a local unit of the province (a district-level unit, or a commune-level unit of 1/7/2025)");
  }
  return { subject: claims.sub, agency, roles, orgUnit };
}

export function identityClaims(identity: Identity): Record<string, unknown> {
  return { sub: identity.subject, agency: identity.agency, roles: identity.roles, org_unit: identity.orgUnit };
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(`Not authenticated: ${message}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(`Forbidden: ${message}`, { extensions: { code: 'FORBIDDEN' } });
}
