/**
 * The task-progress registry: what agencies without a subgraph (and any task without
 * records) report of their duties — status, the task's measures, evidence — per task,
 * period and unit, entered one by one or imported from CSV/XLSX. Imports the catalogue
 * and records; reporting pulls the entries into report drafts.
 */
import { TaskProgressEntry } from './entities/progress-entry';
import { LabourTaskResolver, RegistryTaskResolver, TaskProgressEntryResolver } from './registry.resolver';
import { registryProgressLoader } from './registry.progress';
import { PartnerFiguresResolver } from './partner-figures.resolver';
import { DataSource } from 'typeorm';

export { TaskProgressEntry };
export { progressFromEntries, RegistryProgressLoader } from './registry.progress';
/** What reporting needs of the registry in its per-request loaders. */
export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
export { checkReportFigures, FigureViolation, modifiedZScore } from './figure-checks';

export const REGISTRY_ENTITIES = [TaskProgressEntry];
export const REGISTRY_RESOLVERS = [LabourTaskResolver, RegistryTaskResolver, TaskProgressEntryResolver, PartnerFiguresResolver] as const;

/** The registry's per-request loaders. */
export function createRegistryLoaders(dataSource: DataSource) {
  return { registryProgress: registryProgressLoader(dataSource) };
}
