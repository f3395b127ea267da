import { SubgraphDefinition } from '@qn/common';
import { PressOutlet } from './entities/press-outlet';
import { Publication } from './entities/publication';
import { WebsiteBlockingProposal } from './entities/website-blocking-proposal';
import { createLoaders, InformationLoaders } from './loaders';
import { migrations } from './db/migrations';
import { buildSchema } from './schema';

export const information: SubgraphDefinition<InformationLoaders> = {
  name: 'information',
  entities: [PressOutlet, Publication, WebsiteBlockingProposal],
  migrations,
  buildSchema,
  createLoaders,
};
