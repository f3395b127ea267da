import { intFromEnv, SubgraphDefinition } from '@qn/common';
import { BUDGET_ENTITIES } from './budget';
import { CATALOGUE_ENTITIES, loadCatalogue } from './catalogue';
import { migrations } from './db/migrations';
import { createLoaders, LabourLoaders } from './loaders';
import { mailerFromEnv, NOTIFICATION_ENTITIES } from './notifications';
import { RECORD_ENTITIES } from './records';
import { REGISTRY_ENTITIES } from './registry';
import { REPORTING_ENTITIES, ReminderWorker } from './reporting';
import { buildSchema } from './schema';

export const labour: SubgraphDefinition<LabourLoaders> = {
  name: 'labour',
  entities: [...CATALOGUE_ENTITIES, ...RECORD_ENTITIES, ...REGISTRY_ENTITIES, ...NOTIFICATION_ENTITIES, ...REPORTING_ENTITIES, ...BUDGET_ENTITIES],
  migrations,
  buildSchema,
  createLoaders,
  loadReferenceData: loadCatalogue,
  // Reminders of deadlines, overdue reports, returns and approvals, by e-mail (docs/reminders.md).
  startWorkers(dataSource, logger) {
    const intervalMs = 1000 * intFromEnv('QN_REMINDER_INTERVAL_S', 300);
    const mailer = mailerFromEnv(process.env, logger);
    if (intervalMs === 0) return { stop: async () => mailer.close() };
    const worker = new ReminderWorker(dataSource, mailer, { intervalMs, daysBefore: intFromEnv('QN_REMINDER_DAYS_BEFORE', 5), logger });
    logger.info(`reminders: every ${Math.round(intervalMs / 1000)} s; messages go to ${mailer.describe}`);
    worker.start();
    return { stop: () => worker.stop() };
  },
};
