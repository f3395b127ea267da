import { SubgraphContext } from '@qn/common';
import { CatalogueLoaders } from '../catalogue.loaders';
import { toIndicator, toTask } from './catalogue.mappers';
import { INDICATOR_TYPES } from '../entities/indicator';
import { TASK_TYPES } from '../entities/task';

type Context = SubgraphContext<CatalogueLoaders>;

const indicatorReference = async ({ code }: { code: string }, { loaders }: Context) => {
  const row = await loaders.indicatorByCode.load(code);
  return row ? toIndicator(row) : null;
};

const taskReference = async ({ id }: { id: string }, { loaders }: Context) => {
  const row = await loaders.taskByCode.load(id);
  return row ? toTask(row) : null;
};

/** Entities other subgraphs point at: agencies, org units, and every catalogue type (through a per-request loader). */
export const catalogueReferences = {
  Agency: { __resolveReference: ({ code }: { code: string }, { loaders }: Context) => loaders.agencyByCode.load(code) },
  OrgUnit: { __resolveReference: ({ id }: { id: string }, { loaders }: Context) => loaders.orgUnitById.load(id) },
  Indicator: { __resolveReference: indicatorReference },
  Task: { __resolveReference: taskReference },
  ...Object.fromEntries(INDICATOR_TYPES.map((t) => [t.name, { __resolveReference: indicatorReference }])),
  ...Object.fromEntries(TASK_TYPES.map((t) => [t.name, { __resolveReference: taskReference }])),
};
