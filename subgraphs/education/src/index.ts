import { runSubgraph } from '@qn/common/src/telemetry';

// Tracing (when configured) starts before the subgraph's code is loaded: it hooks modules as they load.
runSubgraph('education', async () => (await import('./server')).education);
