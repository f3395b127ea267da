import { agencyTask, buildFederatedSchema, SubgraphContext, taskTypeDescription } from '@qn/common';
import { TASK_EVIDENCE } from './indicators/evidence';
import { HealthLoaders } from './loaders';
import { HarmReductionContactResolver } from './resolvers/harm-reduction-contact.resolver';
import { PeriodicHealthCheckResolver } from './resolvers/periodic-health-check.resolver';

const tasks = agencyTask<SubgraphContext<HealthLoaders>>({
  typeName: 'HealthTask',
  description: taskTypeDescription('health'),
  evidence: TASK_EVIDENCE,
  loader: (context) => context.loaders.measures,
  registryFrom: 'health',
});

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [HarmReductionContactResolver, PeriodicHealthCheckResolver, ...tasks.resolvers],
    orphanedTypes: tasks.orphanedTypes,
    references: { ...tasks.references },
    subgraph: 'health',
    recordOwners: ['HEALTH'],
  });
}
