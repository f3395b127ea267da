import pino, { DestinationStream, Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * One JSON line per event on stdout, each naming its service. `LOG_LEVEL` sets the
 * level (info by default; silent under jest unless LOG_LEVEL is set). Tests pass a
 * destination to read what was logged.
 */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID && !destination ? 'silent' : 'info');
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
