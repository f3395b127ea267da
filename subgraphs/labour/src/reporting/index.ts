import { BudgetResolver } from './budget';
import { REPORTING_ENTITIES } from './entities';
import { ConsolidatedReportResolver, ReportResolver } from './report.resolver';

/** Reporting (section VI) and budget estimates (IV, V.1, V.5): entities and resolvers labour registers. */
export { REPORTING_ENTITIES };
export const REPORTING_RESOLVERS = [ReportResolver, ConsolidatedReportResolver, BudgetResolver] as const;
