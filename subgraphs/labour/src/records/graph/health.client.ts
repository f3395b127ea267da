import { GraphQLError } from 'graphql';
import { ANONYMOUS, fieldOperation, graphClient, Identity, isCount, Period, requestLoader } from '@qn/common';

const { ask } = graphClient('labour');

const HEALTH_SERVICE_USERS = fieldOperation({
  name: 'LabourHealthServiceUsers',
  field: 'healthServiceUsers',
  args: { period: 'String!', clientCodes: '[String!]!' },
  accept: isCount,
});

/** Most codes health's `healthServiceUsers` takes in one field; longer lists are split over several aliases. */
export const HEALTH_MAX_CODES = 5000;

export interface HealthUsersRequest {
  period: Period;
  /** Pseudonymous codes of distinct persons (labour's clients), each at most once. */
  codes: string[];
}

/**
 * A per-request loader of health's `healthServiceUsers(period, clientCodes)`: how many
 * of the given persons had a health service that counts as support in the period (IND-4.2's
 * part that is health's). Every list a labour request needs goes into ONE health request
 * (the subgraph the supergraph says resolves it), one aliased field per list — or per slice of HEALTH_MAX_CODES codes, the
 * slices' counts added up (the codes are distinct, so no person counts twice). No
 * `orgUnit`: labour's codes are already the persons of the unit asked about (by the
 * district they are registered in), and a service health gave them in another district
 * is still a service they used. Only the count comes back, never which codes.
 *
 * The call is signed by labour for the caller the request serves (graph-client.ts), so
 * health knows the labour service asks (`service: 'labour'`), which `healthServiceUsers`
 * requires (access rule SERVICE).
 * An empty list is 0 without asking health.
 */
export function healthServiceUsersLoader(identity: Identity = ANONYMOUS, fetchImpl: typeof fetch = fetch) {
  return requestLoader<HealthUsersRequest, number, string>(
    async (requests) => {
      const slices: { request: number; period: Period; codes: string[] }[] = [];
      requests.forEach((r, request) => {
        for (let start = 0; start < r.codes.length; start += HEALTH_MAX_CODES) {
          slices.push({ request, period: r.period, codes: r.codes.slice(start, start + HEALTH_MAX_CODES) });
        }
      });
      const answers = await ask(
        HEALTH_SERVICE_USERS,
        slices.map((s) => ({ period: s.period.id, clientCodes: s.codes })),
        identity,
        fetchImpl,
      );
      const totals: (number | GraphQLError)[] = requests.map(() => 0);
      slices.forEach((slice, i) => {
        const total = totals[slice.request];
        if (total instanceof Error) return;
        const answer = answers[i];
        totals[slice.request] = answer instanceof Error ? answer : total + answer;
      });
      return totals;
    },
    { cacheKeyFn: (r) => `${r.period.id}|${r.codes.join(',')}` },
  );
}

export type HealthServiceUsersLoader = ReturnType<typeof healthServiceUsersLoader>;
