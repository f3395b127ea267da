import { graphClient, Identity, TargetSpec, targetRepresentation } from '@qn/common';

const { postToSubgraph, subgraphUnavailable } = graphClient('labour');

interface EntitiesBody {
  data?: { _entities?: (Record<string, unknown> | null)[] } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export interface RemoteResult {
  orgUnit: { id: string };
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  status: string;
  statusReason?: string | null;
  milestone?: number | null;
}

export interface RemoteIndicator {
  code: string;
  province: RemoteResult | null;
  districts: RemoteResult[];
}

/**
 * Asks another agency's subgraph for entities directly (`_entities`), as the gateway
 * would: the representations name the agency's concrete type, the request passes on the
 * caller's gateway token inside labour's own signed call (graph-client.ts), so the agency
 * applies the caller's own rights. Labour never reads another agency's database. Throws SUBGRAPH_UNAVAILABLE
 * naming the agency when it cannot answer.
 */
export async function queryEntities(
  subgraph: string,
  identity: Identity,
  query: string,
  representations: Record<string, unknown>[],
  variables: Record<string, unknown> = {},
  fetchImpl: typeof fetch = fetch,
): Promise<EntitiesBody> {
  return postToSubgraph<EntitiesBody>(subgraph, identity, query, { ...variables, representations }, 'report figures', fetchImpl);
}

const RESULT_FIELDS = 'orgUnit { id } numerator denominator value target status statusReason milestone';

/**
 * An agency's indicators for a period: the province and every district-level unit, in
 * ONE request to the agency's subgraph however many indicators it computes.
 */
export async function remoteIndicatorResults(
  subgraph: string,
  typeName: string,
  indicators: { code: string; target: Record<string, unknown> }[],
  period: string,
  identity: Identity,
): Promise<Map<string, RemoteIndicator>> {
  if (indicators.length === 0) return new Map();
  const query = `query ReportIndicators($representations: [_Any!]!, $period: String!) {
    _entities(representations: $representations) {
      ... on ${typeName} { code province: result(period: $period) { ${RESULT_FIELDS} } districts: resultsByDistrict(period: $period) { ${RESULT_FIELDS} } }
    }
  }`;
  const representations = indicators.map(({ code, target }) => ({
    __typename: typeName,
    code,
    target: targetRepresentation(target as unknown as TargetSpec),
  }));
  const body = await queryEntities(subgraph, identity, query, representations, { period });
  const entities = body.data?._entities;
  if (!entities) throw subgraphUnavailable(subgraph, `_entities gave no data (${body.errors?.[0]?.message ?? 'no data'})`);
  const out = new Map<string, RemoteIndicator>();
  entities.forEach((entity, i) => {
    if (!entity) return;
    const code = indicators[i].code;
    out.set(code, {
      code,
      province: (entity.province as RemoteResult | null) ?? null,
      districts: (entity.districts as RemoteResult[] | null) ?? [],
    });
  });
  return out;
}

/**
 * Progress of an agency's tasks for a period, from its own subgraph. A subgraph that
 * does not (yet) resolve `progress` for its task type answers a validation error: its
 * tasks then have no count, and the report says so.
 */
export async function remoteTaskProgress(
  subgraph: string,
  typeName: string,
  taskIds: string[],
  period: string,
  identity: Identity,
  orgUnit?: string,
): Promise<Map<string, { count: number; evidence: string } | null>> {
  if (taskIds.length === 0) return new Map();
  const query = `query ReportTaskProgress($representations: [_Any!]!, $period: String!, $orgUnit: ID) {
    _entities(representations: $representations) { ... on ${typeName} { id progress(period: $period, orgUnit: $orgUnit) { count evidence } } }
  }`;
  const body = await queryEntities(
    subgraph,
    identity,
    query,
    taskIds.map((id) => ({ __typename: typeName, id })),
    { period, orgUnit: orgUnit ?? null },
  );
  const out = new Map<string, { count: number; evidence: string } | null>();
  if (!body.data?._entities) return out; // no progress in that subgraph's schema
  body.data._entities.forEach((entity, i) => {
    const progress = entity?.progress as { count: number; evidence: string } | null | undefined;
    out.set(taskIds[i], progress ?? null);
  });
  return out;
}

/**
 * Which of an agency's indicators it protects small counts of (`protectsSmallCounts`, set
 * by the agency on its readings): one request to the agency's subgraph.
 */
export async function remoteSmallCountFlags(subgraph: string, typeName: string, codes: string[], identity: Identity): Promise<Map<string, boolean>> {
  if (codes.length === 0) return new Map();
  const query = `query SmallCountFlags($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { code protectsSmallCounts } } }`;
  const body = await queryEntities(
    subgraph,
    identity,
    query,
    codes.map((code) => ({ __typename: typeName, code })),
  );
  const entities = body.data?._entities;
  if (!entities) throw subgraphUnavailable(subgraph, `_entities gave no data (${body.errors?.[0]?.message ?? 'no data'})`);
  return new Map(entities.map((entity, i) => [codes[i], Boolean(entity?.protectsSmallCounts)]));
}
