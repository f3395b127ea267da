import { Init1795814396756 } from './1795814396756-Init';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795814396756];
