import { SubgraphContext } from '@qn/common';
import { EducationLoaders } from '../loaders';

export const institutionReference = {
  Institution: {
    __resolveReference: (reference: { id: string }, { loaders }: SubgraphContext<EducationLoaders>) => loaders.institutionById.load(reference.id),
  },
};
