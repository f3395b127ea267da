/**
 * The final review (báo cáo tổng kết) of the plan 2021–2025 (V.1): drafted from the graph
 * — every indicator's five years and programme verdict, every task, every reporting
 * unit's five years, the budget, the 2025 reorganisation — and carried by a report of the
 * standing agency, so it goes through the reports' lifecycle. Sits above budget.
 */
import { clockNow } from '@qn/common';
import { PROGRAMME_REVIEW_PERIOD, registerFigureSource } from '../reporting';
import { compileReview } from './review.compile';
import { ProgrammeReviewResolver } from './review.resolver';

registerFigureSource(PROGRAMME_REVIEW_PERIOD, (dataSource, loaders, identity, units) =>
  compileReview(dataSource, loaders, identity, units, clockNow().toISOString()),
);

export { reviewCsv, reviewDocx, reviewXlsx, reviewSections } from './review.export';
export const REVIEW_RESOLVERS = [ProgrammeReviewResolver] as const;
