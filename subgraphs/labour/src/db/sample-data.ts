import { DataSource } from 'typeorm';
import { generateBudgetSampleData } from '../budget/budget.sample-data';
import { generateRecordsSampleData } from '../records/records.sample-data';
import { generateRegistrySampleData } from '../registry/registry.sample-data';
import { generateContactsSampleData } from '../reporting/contacts.sample-data';

/**
 * Labour's generated data, room by room (a development module: scripts/subgraphs.ts's
 * `loadSampleData` loads it; the service never does).
 */
export async function generateSampleData(dataSource: DataSource): Promise<void> {
  await generateRecordsSampleData(dataSource);
  await generateRegistrySampleData(dataSource);
  await generateContactsSampleData(dataSource);
  await generateBudgetSampleData(dataSource);
}
