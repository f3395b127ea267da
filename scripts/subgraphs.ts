import { SUBGRAPHS, SubgraphDefinition } from '@qn/common';

/** Each subgraph's definition by name, for the scripts that handle all of them alike. */
export function loadSubgraph(name: string): SubgraphDefinition<unknown> {
  if (!(SUBGRAPHS as readonly string[]).includes(name)) throw new Error(`unknown subgraph '${name}'; one of ${SUBGRAPHS.join(', ')}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the subgraph is chosen by name at run time
  const module = require(`../subgraphs/${name}/src/server`);
  return module[name] as SubgraphDefinition<unknown>;
}
