import { Init1795814331073 } from './1795814331073-Init';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795814331073];
