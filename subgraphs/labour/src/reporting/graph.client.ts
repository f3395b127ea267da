import { GraphQLError } from 'graphql';
import { answered, entityOperation, graphClient, Identity, IndicatorResultData, isEntity, TargetSpec, targetRepresentation } from '@qn/common';

const { entities } = graphClient('labour');

/** What reporting reads of another agency's result: the fields of common's one result type it asks for (RESULT_FIELDS). */
export type RemoteResult = Pick<IndicatorResultData, 'orgUnit' | 'numerator' | 'denominator' | 'value' | 'target' | 'status' | 'statusReason' | 'milestone'>;

export interface RemoteIndicator {
  code: string;
  province: RemoteResult | null;
  districts: RemoteResult[];
}

/** The fields of a result reporting reads of another agency. */
export const RESULT_FIELDS = 'orgUnit { id } numerator denominator value target status statusReason milestone';

/** What an answer of one of the calls below is, per item: the answer, null (no agency resolves it) or the agency's failure. */
export type RemoteAnswer<T> = T | GraphQLError | null;

/** Why another agency's indicator has no answer (`answered` said so): no subgraph computes it, or the agency's failure. */
export const unanswered = (row: { ownerSubgraph: string; code: string }, answer: GraphQLError | null): string =>
  answer ? answer.message : `the ${row.ownerSubgraph} subgraph does not compute ${row.code}`;

const REPORT_INDICATORS = entityOperation<{ code: string; province: RemoteResult | null; districts: RemoteResult[] | null }>({
  name: 'ReportIndicators',
  on: 'Indicator',
  variables: { period: 'String!' },
  selection: `code province: result(period: $period) { ${RESULT_FIELDS} } districts: resultsByDistrict(period: $period) { ${RESULT_FIELDS} }`,
  accept: isEntity,
});

/** Another agency's indicator, as the catalogue knows it: its concrete type (`indicatorTypeName`), its code and target. */
export interface IndicatorEntity {
  type: string;
  code: string;
  target: TargetSpec;
}

/** The key of another agency's indicator entity, with its target (its results `@requires` it). */
export const indicatorRepresentation = (i: IndicatorEntity) => ({ __typename: i.type, code: i.code, target: targetRepresentation(i.target) });

/**
 * Other agencies' indicators for a period, the province and every district-level unit:
 * each is asked of the subgraph that resolves its type's results (by the supergraph), one
 * request per subgraph however many indicators it computes, the subgraphs at once. The
 * call passes on the caller's gateway token inside labour's own signed call
 * (graph-client.ts), so each agency applies the caller's own rights; labour never reads
 * another agency's database. Per indicator, in order.
 */
export async function remoteIndicatorResults(indicators: IndicatorEntity[], period: string, identity: Identity): Promise<RemoteAnswer<RemoteIndicator>[]> {
  const answers = await entities(REPORT_INDICATORS, indicators.map(indicatorRepresentation), { period }, identity);
  return answers.map((answer) => (answered(answer) ? { code: answer.code, province: answer.province ?? null, districts: answer.districts ?? [] } : answer));
}

const TASK_PROGRESS = entityOperation<{ id: string; progress: { count: number; evidence: string } | null }>({
  name: 'ReportTaskProgress',
  on: 'Task',
  variables: { period: 'String!' },
  selection: 'id progress(period: $period) { count evidence }',
  accept: isEntity,
});

/**
 * Progress of other agencies' tasks for a period (the province's), each from the subgraph that resolves
 * its type's `progress`. A task whose type no subgraph resolves `progress` for, or whose
 * agency cannot answer, has no count: the report says so.
 */
export async function remoteTaskProgress(
  tasks: { type: string; id: string }[],
  period: string,
  identity: Identity,
): Promise<Map<string, { count: number; evidence: string } | null>> {
  const answers = await entities(
    TASK_PROGRESS,
    tasks.map((t) => ({ __typename: t.type, id: t.id })),
    { period },
    identity,
  );
  return new Map(tasks.map((t, i) => [t.id, answered(answers[i]) ? answers[i].progress : null]));
}

const SMALL_COUNT_FLAGS = entityOperation<{ code: string; protectsSmallCounts: boolean }>({
  name: 'SmallCountFlags',
  on: 'Indicator',
  selection: 'code protectsSmallCounts',
  accept: isEntity,
});

/**
 * Which of other agencies' indicators their agency protects small counts of
 * (`protectsSmallCounts`, set by the agency on its readings), per indicator in order; an
 * agency that cannot answer counts as protecting.
 */
export async function remoteSmallCountFlags(indicators: { type: string; code: string }[], identity: Identity): Promise<boolean[]> {
  const answers = await entities(
    SMALL_COUNT_FLAGS,
    indicators.map((i) => ({ __typename: i.type, code: i.code })),
    {},
    identity,
  );
  return answers.map((answer) => (answered(answer) ? Boolean(answer.protectsSmallCounts) : true));
}
