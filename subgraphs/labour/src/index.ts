import { runSubgraphFromEnv } from '@qn/common';
import { labour } from './server';

runSubgraphFromEnv(labour);
