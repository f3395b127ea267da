import { Init1795813735886 } from './1795813735886-Init';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795813735886];
