import { SUBGRAPHS, SubgraphDefinition } from '@qn/common';

/** Each subgraph's definition by name, for the scripts that handle all of them alike. */
export function loadSubgraph(name: string): SubgraphDefinition<unknown> {
  if (!(SUBGRAPHS as readonly string[]).includes(name)) throw new Error(`unknown subgraph '${name}'; one of ${SUBGRAPHS.join(', ')}`);
  const module = require(`../subgraphs/${name}/src/server`);
  return module[name] as SubgraphDefinition<unknown>;
}
