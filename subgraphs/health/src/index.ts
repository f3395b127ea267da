import { runSubgraphFromEnv } from '@qn/common';
import { health } from './server';

runSubgraphFromEnv(health);
