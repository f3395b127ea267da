import { Init1795814396756 } from './1795814396756-Init';
import { PlaceAfterReform1796160100000 } from './1796160100000-PlaceAfterReform';
import { DataVersion1796200000000 } from './1796200000000-DataVersion';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795814396756, PlaceAfterReform1796160100000, DataVersion1796200000000];
