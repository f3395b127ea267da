import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, Identity, IDENTITY_HEADER, OrgUnitRecord, Period, signInternalToken, subgraphUrlFor } from '@qn/common';

/** How long labour waits for police before giving up on the numbers that need it. */
export const POLICE_TIMEOUT_MS = 5000;

export interface WorkforceRequest {
  period: Period;
  orgUnit: OrgUnitRecord;
}

/** The error a field gets when another agency's subgraph cannot answer; it names the agency. */
export function subgraphUnavailable(subgraph: string, detail: string): GraphQLError {
  return new GraphQLError(`the ${subgraph} subgraph is unavailable: ${detail}`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
  });
}

interface GraphQLResponseBody {
  data?: Record<string, number | null> | null;
  errors?: { message: string; path?: (string | number)[] }[];
}

/**
 * A per-request loader of police's `serviceBusinessWorkforce(period, orgUnit)` — the
 * employees of the registered service businesses operating in the period, IND-1.3a's
 * denominator. Labour never reads police's database: it asks the police subgraph over
 * HTTP (POLICE_URL, default http://localhost:4002/graphql). Every (period, unit) a
 * request needs goes into ONE police request, one aliased field each; the URL is read
 * at call time so a test harness can set it after labour has started. The request
 * carries the caller's identity (signed like the gateway's internal token), so police
 * applies the caller's own rights to its numbers.
 */
export function policeWorkforceLoader(identity: Identity = ANONYMOUS, fetchImpl: typeof fetch = fetch) {
  return new DataLoader<WorkforceRequest, number, string>(
    async (requests) => {
      const variables: Record<string, string> = {};
      const declarations: string[] = [];
      const fields = requests.map((r, i) => {
        variables[`p${i}`] = r.period.id;
        declarations.push(`$p${i}: String!`);
        if (r.orgUnit.level === 'PROVINCE') return `w${i}: serviceBusinessWorkforce(period: $p${i})`;
        variables[`o${i}`] = r.orgUnit.id;
        declarations.push(`$o${i}: ID`);
        return `w${i}: serviceBusinessWorkforce(period: $p${i}, orgUnit: $o${i})`;
      });
      const query = `query LabourServiceBusinessWorkforce(${declarations.join(', ')}) { ${fields.join(' ')} }`;
      const url = subgraphUrlFor('police');
      let body: GraphQLResponseBody;
      try {
        const response = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', [IDENTITY_HEADER]: await signInternalToken(identity) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(POLICE_TIMEOUT_MS),
        });
        if (!response.ok && !response.headers.get('content-type')?.includes('json')) {
          return requests.map(() => subgraphUnavailable('police', `${url} answered HTTP ${response.status}`));
        }
        body = (await response.json()) as GraphQLResponseBody;
      } catch (error) {
        const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        return requests.map(() => subgraphUnavailable('police', `could not reach ${url} (${reason})`));
      }
      return requests.map((_, i) => {
        const value = body.data?.[`w${i}`];
        if (typeof value === 'number') return value;
        const error = body.errors?.find((e) => e.path?.[0] === `w${i}`) ?? body.errors?.[0];
        return subgraphUnavailable('police', `serviceBusinessWorkforce gave no number (${error?.message ?? 'no data'})`);
      });
    },
    { cacheKeyFn: (r) => `${r.period.id}|${r.orgUnit.id}` },
  );
}

export type PoliceWorkforceLoader = ReturnType<typeof policeWorkforceLoader>;
