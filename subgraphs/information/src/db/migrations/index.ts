import { Init1795814331073 } from './1795814331073-Init';
import { PlaceAfterReform1796160000000 } from './1796160000000-PlaceAfterReform';
import { DataVersion1796200000000 } from './1796200000000-DataVersion';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795814331073, PlaceAfterReform1796160000000, DataVersion1796200000000];
