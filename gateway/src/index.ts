import { startService } from '@qn/common/src/telemetry';

// Tracing (when configured) starts before the gateway's code is loaded: it hooks modules as they load.
startService('gateway', () => import('./main'));
