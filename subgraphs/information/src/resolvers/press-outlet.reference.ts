import { SubgraphContext } from '@qn/common';
import { InformationLoaders } from '../loaders';

export const pressOutletReference = {
  PressOutlet: {
    __resolveReference: (reference: { id: string }, { loaders }: SubgraphContext<InformationLoaders>) => loaders.outletById.load(reference.id),
  },
};
