import { stopOnSignals } from '@qn/common';
import { configFromEnv } from './config';
import { startGateway } from './server';

startGateway(configFromEnv())
  .then((gateway) => {
    console.log(`gateway ready at ${gateway.url}`);
    stopOnSignals(() => gateway.stop());
  })
  .catch((error) => {
    console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
