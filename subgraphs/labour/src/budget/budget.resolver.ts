import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import {
  checkText,
  clockNow,
  conflictError,
  forbidden,
  notFoundError,
  SubgraphContext,
  unauthenticated,
  updateVersioned,
  userInputError,
  isAnonymous,
} from '@qn/common';
import { holderOn, TaskRow, worksOn } from '../catalogue';
import { assertHeadOf, expectedUnits, findUnit, idempotent, isCoordinator, ownUnit, reportingPeriod } from '../reporting';
import { BudgetEstimate } from './budget-estimate';
import { SetBudgetEstimateInput } from './budget.input';

type Context = SubgraphContext;
export const FUNDING_SOURCES = ['PROVINCIAL_BUDGET', 'DISTRICT_BUDGET', 'CENTRAL_BUDGET', 'OTHER'];

@ObjectType({ description: "A unit's yearly estimate, all its lines" })
export class UnitBudget {
  @Field(() => ID, { description: 'The reporting unit: an agency code, a district id (to 30/6/2025) or a commune-level unit id (from 1/7/2025)' })
  unitId: string;

  @Field({ description: 'Its name (Vietnamese)' })
  unitName: string;

  @Field({ description: 'VND' })
  total: string;

  @Field(() => [BudgetEstimate], { description: "Its estimate's lines, by task" })
  lines: BudgetEstimate[];
}

@ObjectType({ description: 'The total of one funding source in the budget plan' })
export class FundingTotal {
  @Field({ description: 'PROVINCIAL_BUDGET, DISTRICT_BUDGET, CENTRAL_BUDGET or OTHER' })
  fundingSource: string;

  @Field({ description: 'VND' })
  total: string;
}

@ObjectType({ description: "DOLISA's yearly budget plan for Finance: every unit's estimate compiled (sections IV, V.1, V.5)" })
export class BudgetPlan {
  @Field(() => Int)
  year: number;

  @Field({ description: 'VND' })
  total: string;

  @Field(() => [UnitBudget], { description: 'Each unit that sent an estimate, with its lines' })
  units: UnitBudget[];

  @Field(() => [FundingTotal], { description: 'The totals by funding source' })
  byFundingSource: FundingTotal[];

  @Field(() => [ID], { description: 'Units that have sent no estimate for the year' })
  unitsWithoutEstimate: string[];

  @Field({ description: 'The plan as CSV (unit, task, source, amount in VND, note)' })
  csv: string;
}

/** Finance and DOLISA's coordinators see every estimate; others only their own unit's. */
function canSeeAll(context: Context): boolean {
  return isCoordinator(context.identity) || context.identity.agency === 'FINANCE';
}

export async function compileBudgetPlan(dataSource: DataSource, year: number): Promise<BudgetPlan> {
  const units = await expectedUnits(dataSource, reportingPeriod(String(year)));
  const lines = await dataSource.getRepository(BudgetEstimate).find({ where: { year }, order: { unitId: 'ASC', taskCode: 'ASC' } });
  const sum = (xs: BudgetEstimate[]) => xs.reduce((a, l) => a + BigInt(l.amount), 0n).toString();
  const byUnit = units
    .map((u) => ({ unitId: u.id, unitName: u.nameVi, lines: lines.filter((l) => l.unitId === u.id) }))
    .filter((u) => u.lines.length)
    .map((u) => ({ ...u, total: sum(u.lines) }));
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const csv =
    [
      'year,unit_id,unit_name,task_code,funding_source,amount_vnd,note',
      ...byUnit.flatMap((u) => u.lines.map((l) => [year, u.unitId, esc(u.unitName), l.taskCode, l.fundingSource, l.amount, esc(l.note)].join(','))),
    ].join('\r\n') + '\r\n';
  return {
    year,
    total: sum(lines),
    units: byUnit,
    byFundingSource: FUNDING_SOURCES.map((f) => ({ fundingSource: f, total: sum(lines.filter((l) => l.fundingSource === f)) })),
    unitsWithoutEstimate: units.filter((u) => !lines.some((l) => l.unitId === u.id)).map((u) => u.id),
    csv,
  };
}

@Resolver(() => BudgetEstimate)
export class BudgetResolver {
  @Authorized('REPORT_SUBMIT')
  @Mutation(() => BudgetEstimate, { description: "Sets a line of the unit's yearly cost estimate (its head only); a change carries expectedVersion" })
  async setBudgetEstimate(@Arg('input') input: SetBudgetEstimateInput, @Ctx() context: Context): Promise<BudgetEstimate> {
    const { dataSource, identity } = context;
    const { idempotencyKey, expectedVersion, ...fields } = input;
    if (!/^\d{1,15}$/.test(input.amount)) throw userInputError('amount', 'a whole number of VND, digits only (at most 15)');
    if (!FUNDING_SOURCES.includes(input.fundingSource)) throw userInputError('fundingSource', `one of ${FUNDING_SOURCES.join(', ')}`);
    checkText('note', input.note, { max: 2000 });
    const period = reportingPeriod(String(input.year), 'year');
    const unit = await findUnit(dataSource, period, input.unitId);
    assertHeadOf(identity, unit.id);
    const task = await dataSource.getRepository(TaskRow).findOneBy({ code: input.taskCode });
    if (!task) throw notFoundError('Task', input.taskCode, 'taskCode');
    // The unit's tasks in the year: those it holds, or works on with the holder, on the last day of the year's data window.
    if (!worksOn(task, unit.agencyCode, period.to))
      throw userInputError('taskCode', `${task.code} is not a task of ${unit.id} in ${input.year} (held by ${holderOn(task.code, task.ownerCode, period.to)})`);
    const json = await idempotent<void, Record<string, unknown>>(
      dataSource,
      identity,
      idempotencyKey,
      'setBudgetEstimate',
      { ...fields, expectedVersion },
      async (manager) => {
        const now = clockNow();
        const repo = manager.getRepository(BudgetEstimate);
        const current = await repo.findOneBy({ year: input.year, unitId: input.unitId, taskCode: input.taskCode });
        let saved: BudgetEstimate;
        if (!current) {
          if (expectedVersion !== undefined && expectedVersion !== null)
            throw notFoundError('BudgetEstimate', `${input.year}/${input.unitId}/${input.taskCode}`);
          try {
            const id = (await repo.insert({ ...fields, note: input.note ?? '', version: 1, updatedBy: identity.subject, updatedAt: now })).identifiers[0]
              .id as string;
            saved = await repo.findOneByOrFail({ id });
          } catch (error) {
            if ((error as { code?: string }).code === '23505')
              throw conflictError('someone has just entered this line; reload it and send expectedVersion', 'expectedVersion');
            throw error;
          }
        } else {
          if (expectedVersion === undefined || expectedVersion === null)
            throw conflictError(`this line exists (version ${current.version}); send expectedVersion to change it`, 'expectedVersion');
          saved = await updateVersioned(manager as unknown as DataSource, BudgetEstimate, current.id, expectedVersion, {
            amount: input.amount,
            fundingSource: input.fundingSource,
            note: input.note ?? current.note,
            updatedBy: identity.subject,
            updatedAt: now,
          });
        }
        return JSON.parse(JSON.stringify(saved));
      },
    );
    return Object.assign(new BudgetEstimate(), json, { updatedAt: new Date(json.updatedAt as string) });
  }

  @Query(() => [BudgetEstimate], { description: "Cost estimates of a year: every unit's for DOLISA's coordinators and Finance, your own unit's otherwise" })
  async budgetEstimates(@Arg('year', () => Int) year: number, @Ctx() context: Context, @Arg('unitId', () => ID, { nullable: true }) unitId?: string) {
    if (isAnonymous(context.identity)) throw unauthenticated('budget estimates need a signed-in caller');
    const unit = canSeeAll(context) ? unitId : ownUnit(context.identity);
    if (!unit && !canSeeAll(context)) return [];
    return context.dataSource
      .getRepository(BudgetEstimate)
      .find({ where: { year, ...(unit ? { unitId: unit } : {}) }, order: { unitId: 'ASC', taskCode: 'ASC' } });
  }

  @Query(() => BudgetPlan, { description: "The yearly budget plan DOLISA compiles for Finance from every unit's estimate" })
  async budgetPlan(@Arg('year', () => Int) year: number, @Ctx() context: Context): Promise<BudgetPlan> {
    if (isAnonymous(context.identity)) throw unauthenticated('the budget plan needs a signed-in caller');
    if (!canSeeAll(context)) throw forbidden("only DOLISA's coordinators and Finance read the compiled budget plan");
    return compileBudgetPlan(context.dataSource, year);
  }
}
