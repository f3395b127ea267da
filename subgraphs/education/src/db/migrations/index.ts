import { Init1795814226293 } from './1795814226293-Init';
import { PlaceAfterReform1796160000000 } from './1796160000000-PlaceAfterReform';
import { InstitutionUnitAfterReform1796160300000 } from './1796160300000-InstitutionUnitAfterReform';
import { InstitutionAfterReform1796180000000 } from './1796180000000-InstitutionAfterReform';
import { DataVersion1796200000000 } from './1796200000000-DataVersion';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [
  Init1795814226293,
  PlaceAfterReform1796160000000,
  InstitutionUnitAfterReform1796160300000,
  InstitutionAfterReform1796180000000,
  DataVersion1796200000000,
];
