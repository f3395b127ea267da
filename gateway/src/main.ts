import { createLogger, stopOnSignals } from '@qn/common';
import { configFromEnv } from './config';
import { startGateway } from './server';

const logger = createLogger('gateway');
Promise.resolve()
  .then(() => startGateway({ ...configFromEnv(), logger }))
  .then((gateway) => {
    logger.info({ url: gateway.url, port: gateway.http.port }, `gateway ready at ${gateway.url}`);
    stopOnSignals(() => gateway.stop());
  })
  .catch((error) => {
    logger.fatal(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
