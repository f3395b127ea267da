import { Init1795813856116 } from './1795813856116-Init';
import { Records1795814132790 } from './1795814132790-Records';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795813856116, Records1795814132790];
