/**
 * The plan's catalogue: the agencies of section V, the indicators of section II, every
 * task, and the province's territory. The bottom room: it imports no other room.
 */
import { Agency } from './entities/agency';
import { IndicatorRow, INDICATOR_TYPES } from './entities/indicator';
import { OrgUnit, OrgUnitSuccession } from './entities/org-unit';
import { TaskRow, TASK_TYPES } from './entities/task';
import { TaskMeasure } from './entities/task-measure';

export { byKey, CatalogueLoaders, createCatalogueLoaders, groupedBy } from './catalogue.loaders';
export { loadCatalogue } from './catalogue.seed';
export { agencyOn, DUTY_TRANSFERS, holderOn, holdings, worksOn } from './duties';
export { Agency } from './entities/agency';
export { Indicator, IndicatorRow, INDICATOR_TYPE_BY_SUBGRAPH, INDICATOR_TYPES, indicatorTypeName, LabourIndicator } from './entities/indicator';
export { OrgUnit, OrgUnitLevel, OrgUnitSuccession } from './entities/org-unit';
export { MeasureUnit, ProgressSource, TaskMeasure } from './entities/task-measure';
export { TASK_MEASURES } from './task-measures';
export { LabourTask, RegistryTask, Task, TaskRow, TASK_TYPE_BY_SUBGRAPH, TASK_TYPES, taskTypeName } from './entities/task';
export { IndicatorObject, TaskObject, toIndicator, toTask } from './resolvers/catalogue.mappers';
export { AgencyResolver } from './resolvers/agency.resolver';
export { catalogueReferences } from './resolvers/catalogue.reference';
export { IndicatorResolver } from './resolvers/indicator.resolver';
export { OrgUnitResolver } from './resolvers/org-unit.resolver';
export { TaskResolver } from './resolvers/task.resolver';

export const CATALOGUE_ENTITIES = [Agency, IndicatorRow, TaskRow, TaskMeasure, OrgUnit, OrgUnitSuccession];
/** The interfaces' concrete types: each agency's indicators and tasks, resolved by that agency's subgraph. */
export const CATALOGUE_TYPES = [...INDICATOR_TYPES, ...TASK_TYPES];
