/**
 * Reporting (section VI): the units' quarterly and yearly reports, filled from the graph,
 * and DOLISA's consolidation. Imports the catalogue and records; budget builds on it.
 */
import { REPORTING_ENTITIES as REPORT_ENTITIES } from './entities';
import { ConsolidatedReportResolver, ReportResolver } from './report.resolver';
import { FigureComment, ReportChecksResolver } from './figure-checks';

export { reportingPeriod } from './calendar';
export { idempotent } from './idempotency';
export { IDEMPOTENCY_KEY_DESCRIPTION } from './inputs';
export { assertHeadOf, DISTRICT_GROUP, expectedUnits, findUnit, isCoordinator, ownUnit } from './units';
export const REPORTING_ENTITIES = [...REPORT_ENTITIES, FigureComment];
export const REPORTING_RESOLVERS = [ReportResolver, ConsolidatedReportResolver, ReportChecksResolver] as const;
