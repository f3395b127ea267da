import { runSubgraphFromEnv } from '@qn/common';
import { information } from './server';

runSubgraphFromEnv(information);
