import { DataSource } from 'typeorm';
import { insertChunks, SeededRandom } from '@qn/dev';
import { agencyOn, TaskRow, worksOn } from '../catalogue';
import { expectedUnits, ReportingUnitKind, reportingPeriod } from '../reporting';
import { BudgetEstimate } from './budget-estimate';

const YEARS = [2021, 2022, 2023, 2024, 2025];

/** A whole amount of VND between two millions, in steps of half a million. */
const amount = (random: SeededRandom, minMillions: number, maxMillions: number) => String(random.int(minMillions * 2, maxMillions * 2) * 500_000);

/**
 * Yearly cost estimates 2021–2025 (generated data, deterministic): every unit that reports in
 * a year estimates a line for each task it holds or works on with its holder on the last day of
 * the year's data window — the same rule `setBudgetEstimate` applies. 2021 is the plan's
 * first two months (issued 5/11/2021): only the standing agency estimated. The commune-level
 * units formed on 1/7/2025 sent no estimate for 2025 (the districts' estimates were made for a
 * year they did not finish), so they are listed as units without one. Only into a database
 * with no estimate yet.
 */
export async function generateBudgetSampleData(dataSource: DataSource): Promise<void> {
  const repository = dataSource.getRepository(BudgetEstimate);
  if (await repository.exist()) return;
  const tasks = await dataSource.getRepository(TaskRow).find({ order: { code: 'ASC' } });
  const random = new SeededRandom('budget-estimates');
  const updatedAt = (year: number) => new Date(`${year - 1}-12-10T03:00:00Z`);
  const rows: Partial<BudgetEstimate>[] = [];
  for (const year of YEARS) {
    const period = reportingPeriod(String(year), 'year');
    // The plan's standing agency that year (DOLISA, Health from 1/3/2025) also draws central funds (the national programme) for its tasks.
    const standingAgency = agencyOn('LABOUR', period.to);
    for (const unit of await expectedUnits(dataSource, period)) {
      if (unit.kind === ReportingUnitKind.COMMUNE) continue;
      if (year === 2021 && unit.agencyCode !== standingAgency) continue;
      const own = tasks.filter((t) => worksOn(t, unit.agencyCode, period.to));
      for (const task of own) {
        const district = unit.kind === ReportingUnitKind.DISTRICT;
        const standing = unit.agencyCode === standingAgency;
        const fundingSource = district
          ? 'DISTRICT_BUDGET'
          : standing && random.next() < 0.3
            ? 'CENTRAL_BUDGET'
            : unit.agencyCode === 'HEALTH' && random.next() < 0.2
              ? 'OTHER'
              : 'PROVINCIAL_BUDGET';
        rows.push({
          year,
          unitId: unit.id,
          taskCode: task.code,
          amount: year === 2021 ? amount(random, 2, 10) : district ? amount(random, 5, 40) : amount(random, 10, 120),
          fundingSource,
          note: fundingSource === 'OTHER' ? 'Dự án hỗ trợ phòng, chống HIV/AIDS' : '',
          version: 1,
          updatedBy: `sample:${unit.id.toLowerCase()}`,
          updatedAt: updatedAt(year),
        });
      }
    }
  }
  await insertChunks(dataSource, BudgetEstimate, rows);
}
