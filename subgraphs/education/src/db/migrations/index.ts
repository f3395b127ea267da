import { Init1795814226293 } from './1795814226293-Init';
import { PlaceAfterReform1796160000000 } from './1796160000000-PlaceAfterReform';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795814226293, PlaceAfterReform1796160000000];
