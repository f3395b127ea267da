/**
 * Reporting (section VI): the units' quarterly and yearly reports, filled from the graph,
 * and DOLISA's consolidation. Imports the catalogue and records; budget builds on it.
 */
import { REPORTING_ENTITIES as REPORT_ENTITIES } from './entities';
import { ConsolidatedReportResolver, ReportResolver } from './report.resolver';
import { FigureComment, ReportChecksResolver } from './figure-checks';
import { NotificationResolver } from './notifications.resolver';

export { PROGRAMME_REVIEW_PERIOD, reportingPeriod, reportingPeriodsOf } from './calendar';
export { completeness, latestReports } from './completeness';
export { dmy, FONT, grid, heading, para, run } from './document';
export { Report, ReportStatus, ReportingUnitKind } from './entities';
export { errorText, FigureSource, registerFigureSource } from './figures';
export { IndicatorFigure, ReportFigures } from './figures.types';
export { indicatorRepresentation, remoteTaskProgress, unanswered } from './graph.client';
export { ExportFile } from './report.resolver';
export { ReportService } from './report.service';
export { idempotent } from './idempotency';
export { IDEMPOTENCY_KEY_DESCRIPTION } from './inputs';
export { assertHeadOf, canRead, DISTRICT_GROUP, expectedUnits, findUnit, isCoordinator, ownUnit, ReportingUnit } from './units';
export const REPORTING_ENTITIES = [...REPORT_ENTITIES, FigureComment];
export const REPORTING_RESOLVERS = [ReportResolver, ConsolidatedReportResolver, ReportChecksResolver, NotificationResolver] as const;
export { planReminders, ReminderWorker } from './reminders';
