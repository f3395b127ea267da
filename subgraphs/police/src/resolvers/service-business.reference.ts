import { SubgraphContext } from '@qn/common';
import { PoliceLoaders } from '../loaders';

export const serviceBusinessReference = {
  ServiceBusiness: {
    __resolveReference: (reference: { id: string }, { loaders }: SubgraphContext<PoliceLoaders>) => loaders.businessById.load(reference.id),
  },
};
