import { runSubgraphFromEnv } from '@qn/common';
import { education } from './server';

runSubgraphFromEnv(education);
