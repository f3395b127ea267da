import { DataSource, In } from 'typeorm';
import { ANONYMOUS, businessDistrictsLoader, entityLoader, Identity, measureLoader, requestLoader } from '@qn/common';
import { Agency } from '../entities/agency';
import { IndicatorRow } from '../entities/indicator';
import { OrgUnit } from '../entities/org-unit';
import { TaskRow } from '../entities/task';
import { NeedAssessment, SupportClient, SupportServiceUse } from '../entities/support';
import { IndustrialZone, ZoneWorkforce } from '../entities/worker-outreach';
import { healthServiceUsersLoader } from '../graph/health.client';
import { policeWorkforceLoader } from '../graph/police.client';
import { MEASURES } from '../indicators';
import { EVIDENCE_MEASURES } from '../indicators/evidence';
import { withRemoteParts } from './measures';

/** Loads rows whose key column is in the batch; results in key order, null where absent. */
function byKey<T extends object>(dataSource: DataSource, entity: new () => T, key: keyof T & string) {
  return requestLoader<string, T | null>(async (keys) => {
    const rows = await dataSource.getRepository(entity).findBy({ [key]: In([...new Set(keys)]) } as never);
    const map = new Map(rows.map((r) => [String(r[key]), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** Loads all rows sharing a key column value, one statement per batch. */
function groupedBy<T extends object>(dataSource: DataSource, entity: new () => T, key: keyof T & string, order: keyof T & string) {
  return requestLoader<string, T[]>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...new Set(keys)]) } as never, order: { [order]: 'ASC' } as never });
    return keys.map((k) => rows.filter((r) => String(r[key]) === k));
  });
}

export function createLoaders(dataSource: DataSource, identity: Identity = ANONYMOUS) {
  return {
    /**
     * Indicators and task evidence in one SQL statement per batch; police's denominators
     * in one call; health's part of IND-4.2 from one more statement and one call.
     */
    measures: withRemoteParts(dataSource, measureLoader(dataSource, { ...MEASURES, ...EVIDENCE_MEASURES }), {
      workforce: policeWorkforceLoader(identity),
      healthUsers: healthServiceUsersLoader(identity),
    }),
    agencyByCode: byKey(dataSource, Agency, 'code'),
    indicatorByCode: byKey(dataSource, IndicatorRow, 'code'),
    taskByCode: byKey(dataSource, TaskRow, 'code'),
    orgUnitById: byKey(dataSource, OrgUnit, 'id'),
    tasksByOwner: groupedBy(dataSource, TaskRow, 'ownerCode', 'position'),
    indicatorsByOwner: groupedBy(dataSource, IndicatorRow, 'ownerCode', 'ordinal'),
    orgUnitsByParent: groupedBy(dataSource, OrgUnit, 'parentId', 'code'),
    zoneById: entityLoader(dataSource, IndustrialZone),
    /** Police's registry entries of the businesses outreach names: one police call per request. */
    businessDistricts: businessDistrictsLoader('labour', identity),
    clientById: entityLoader(dataSource, SupportClient),
    clientByCode: byKey(dataSource, SupportClient, 'code'),
    workforceByZone: groupedBy(dataSource, ZoneWorkforce, 'zoneId', 'year'),
    assessmentsByClient: groupedBy(dataSource, NeedAssessment, 'clientId', 'assessedOn'),
    servicesByClient: groupedBy(dataSource, SupportServiceUse, 'clientId', 'usedOn'),
  };
}

export type LabourLoaders = ReturnType<typeof createLoaders>;
