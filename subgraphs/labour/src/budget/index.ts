/** Budget estimates (sections IV, V.1, V.5): each unit's yearly cost lines and DOLISA's plan for Finance. */
import { BudgetEstimate } from './budget-estimate';
import { BudgetResolver } from './budget.resolver';

export { compileBudgetPlan, FUNDING_SOURCES } from './budget.resolver';
export const BUDGET_ENTITIES = [BudgetEstimate];
export const BUDGET_RESOLVERS = [BudgetResolver] as const;
