import { runSubgraphFromEnv } from '@qn/common';
import { police } from './server';

runSubgraphFromEnv(police);
