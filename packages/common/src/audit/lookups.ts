import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Identity } from '../auth/identity';
import { AuditTrail } from './trail';

/**
 * Look-ups that reach one person (a pseudonymous code from an ID number, the records or
 * counts of one client code) are written to the audit log and limited per caller, so
 * they cannot be used as an oracle from identifiers to codes or to records.
 */
export const PERSON_LOOKUPS_PER_MINUTE = 20;

const limiter = new RateLimiterMemory({ points: PERSON_LOOKUPS_PER_MINUTE, duration: 60 });

export async function personLookup(
  context: { identity: Identity; audit?: AuditTrail },
  lookup: { action: string; entity: string; field: string; districtId?: string | null },
): Promise<void> {
  try {
    await limiter.consume(`${lookup.action}\n${context.identity.subject}`);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw new GraphQLError(
      `${lookup.field}: at most ${PERSON_LOOKUPS_PER_MINUTE} look-ups of a person a minute; try again in ${Math.ceil(rejection.msBeforeNext / 1000)} s`,
      {
        extensions: { code: 'RATE_LIMITED', field: lookup.field },
      },
    );
  }
  context.audit?.lookup(lookup.action, lookup.entity, [lookup.field], lookup.districtId ?? null);
}
