import { Init1795814226293 } from './1795814226293-Init';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795814226293];
