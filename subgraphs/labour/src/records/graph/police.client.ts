import { ANONYMOUS, fieldOperation, graphClient, Identity, isCount, OrgUnitRecord, Period, requestLoader } from '@qn/common';

const { ask } = graphClient('labour');

const SERVICE_BUSINESS_WORKFORCE = fieldOperation({
  name: 'LabourServiceBusinessWorkforce',
  field: 'serviceBusinessWorkforce',
  args: { period: 'String!', orgUnit: 'ID' },
  accept: isCount,
});

export interface WorkforceRequest {
  period: Period;
  orgUnit: OrgUnitRecord;
}

/**
 * A per-request loader of police's `serviceBusinessWorkforce(period, orgUnit)` — the
 * employees of the registered service businesses operating in the period, IND-1.3a's
 * denominator. Labour never reads police's database: it asks the police subgraph over
 * HTTP (the subgraph the supergraph says resolves the field). Every (period, unit) a
 * request needs goes into ONE police request, one aliased field each. The request
 * passes on the caller's gateway token inside labour's own signed call (graph-client.ts),
 * so police applies the caller's own rights to its numbers.
 */
export function policeWorkforceLoader(identity: Identity = ANONYMOUS, fetchImpl: typeof fetch = fetch) {
  return requestLoader<WorkforceRequest, number, string>(
    (requests) =>
      ask(
        SERVICE_BUSINESS_WORKFORCE,
        requests.map((r) => ({ period: r.period.id, orgUnit: r.orgUnit.level === 'PROVINCE' ? null : r.orgUnit.id })),
        identity,
        fetchImpl,
      ),
    { cacheKeyFn: (r) => `${r.period.id}|${r.orgUnit.id}` },
  );
}

export type PoliceWorkforceLoader = ReturnType<typeof policeWorkforceLoader>;
