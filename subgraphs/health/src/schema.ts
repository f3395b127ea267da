import { buildFederatedSchema } from '@qn/common';
import { HarmReductionContactResolver } from './resolvers/harm-reduction-contact.resolver';
import { PeriodicHealthCheckResolver } from './resolvers/periodic-health-check.resolver';

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [HarmReductionContactResolver, PeriodicHealthCheckResolver],
    subgraph: 'health',
    recordOwners: ['HEALTH'],
  });
}
