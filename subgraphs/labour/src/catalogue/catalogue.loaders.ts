import { DataSource, In } from 'typeorm';
import { requestLoader } from '@qn/common';
import { Agency } from './entities/agency';
import { IndicatorRow } from './entities/indicator';
import { OrgUnit } from './entities/org-unit';
import { TaskRow } from './entities/task';
import { TaskMeasure } from './entities/task-measure';

/** Loads rows whose key column is in the batch; results in key order, null where absent. */
export function byKey<T extends object>(dataSource: DataSource, entity: new () => T, key: keyof T & string) {
  return requestLoader<string, T | null>(async (keys) => {
    const rows = await dataSource.getRepository(entity).findBy({ [key]: In([...new Set(keys)]) } as never);
    const map = new Map(rows.map((r) => [String(r[key]), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** Loads all rows sharing a key column value, one statement per batch. */
export function groupedBy<T extends object>(dataSource: DataSource, entity: new () => T, key: keyof T & string, order: keyof T & string) {
  return requestLoader<string, T[]>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...new Set(keys)]) } as never, order: { [order]: 'ASC' } as never });
    return keys.map((k) => rows.filter((r) => String(r[key]) === k));
  });
}

/** The catalogue's per-request loaders: agencies, indicators, tasks and territory by key. */
export function createCatalogueLoaders(dataSource: DataSource) {
  return {
    agencyByCode: byKey(dataSource, Agency, 'code'),
    indicatorByCode: byKey(dataSource, IndicatorRow, 'code'),
    taskByCode: byKey(dataSource, TaskRow, 'code'),
    orgUnitById: byKey(dataSource, OrgUnit, 'id'),
    measuresByTask: groupedBy(dataSource, TaskMeasure, 'taskCode', 'position'),
    tasksByOwner: groupedBy(dataSource, TaskRow, 'ownerCode', 'position'),
    tasksServingIndicator: requestLoader<string, TaskRow[]>(async (codes) => {
      const rows = await dataSource
        .getRepository(TaskRow)
        .createQueryBuilder('t')
        .where('t.indicator_codes && :codes', { codes: [...new Set(codes)] })
        .orderBy('t.position')
        .getMany();
      return codes.map((c) => rows.filter((r) => r.indicatorCodes.includes(c)));
    }),
    indicatorsByOwner: groupedBy(dataSource, IndicatorRow, 'ownerCode', 'ordinal'),
    orgUnitsByParent: groupedBy(dataSource, OrgUnit, 'parentId', 'code'),
  };
}

export type CatalogueLoaders = ReturnType<typeof createCatalogueLoaders>;
