import { DataSource } from 'typeorm';
import { ANONYMOUS, businessDistrictsLoader, entityLoader, Identity, measureLoader } from '@qn/common';
import { byKey, CatalogueLoaders, groupedBy } from '../../catalogue';
import { NeedAssessment, SupportClient, SupportServiceUse } from '../entities/support';
import { IndustrialZone, ZoneWorkforce } from '../entities/worker-outreach';
import { healthServiceUsersLoader } from '../graph/health.client';
import { policeWorkforceLoader } from '../graph/police.client';
import { MEASURES } from '../indicators';
import { EVIDENCE_MEASURES } from '../indicators/evidence';
import { withRemoteParts } from './measures';

/** DOLISA's records' per-request loaders, and the measures behind labour's indicators and task progress. */
export function createRecordsLoaders(dataSource: DataSource, identity: Identity = ANONYMOUS) {
  return {
    /**
     * Indicators and task evidence in one SQL statement per batch; police's denominators
     * in one call; health's part of IND-4.2 from one more statement and one call.
     */
    measures: withRemoteParts(dataSource, measureLoader(dataSource, { ...MEASURES, ...EVIDENCE_MEASURES }), {
      workforce: policeWorkforceLoader(identity),
      healthUsers: healthServiceUsersLoader(identity),
    }),
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

/** What records' resolvers see: the catalogue's loaders (territory above all) and their own. */
export type RecordsLoaders = CatalogueLoaders & ReturnType<typeof createRecordsLoaders>;
