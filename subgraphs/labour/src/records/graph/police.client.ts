import { ANONYMOUS, graphClient, Identity, isCount, OrgUnitRecord, Period, requestLoader } from '@qn/common';

const { queryAliased } = graphClient('labour');

export interface WorkforceRequest {
  period: Period;
  orgUnit: OrgUnitRecord;
}

/**
 * A per-request loader of police's `serviceBusinessWorkforce(period, orgUnit)` — the
 * employees of the registered service businesses operating in the period, IND-1.3a's
 * denominator. Labour never reads police's database: it asks the police subgraph over
 * HTTP (POLICE_URL, default http://localhost:4002/graphql). Every (period, unit) a
 * request needs goes into ONE police request, one aliased field each. The request
 * passes on the caller's gateway token inside labour's own signed call (graph-client.ts),
 * so police applies the caller's own rights to its numbers.
 */
export function policeWorkforceLoader(identity: Identity = ANONYMOUS, fetchImpl: typeof fetch = fetch) {
  return requestLoader<WorkforceRequest, number, string>(
    (requests) =>
      queryAliased(
        'police',
        { name: 'LabourServiceBusinessWorkforce', field: 'serviceBusinessWorkforce' },
        requests.map((r) => ({
          args: {
            period: { type: 'String!', value: r.period.id },
            orgUnit: { type: 'ID', value: r.orgUnit.level === 'PROVINCE' ? null : r.orgUnit.id },
          },
        })),
        identity,
        isCount,
        fetchImpl,
      ),
    { cacheKeyFn: (r) => `${r.period.id}|${r.orgUnit.id}` },
  );
}

export type PoliceWorkforceLoader = ReturnType<typeof policeWorkforceLoader>;
