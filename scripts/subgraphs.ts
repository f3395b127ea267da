import { GenerateSampleData, SUBGRAPHS, SubgraphDefinition } from '@qn/common';

function checkName(name: string): void {
  if (!(SUBGRAPHS as readonly string[]).includes(name)) throw new Error(`unknown subgraph '${name}'; one of ${SUBGRAPHS.join(', ')}`);
}

/** Each subgraph's definition by name, for the scripts that handle all of them alike. */
export function loadSubgraph(name: string): SubgraphDefinition<unknown> {
  checkName(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the subgraph is chosen by name at run time
  const module = require(`../subgraphs/${name}/src/server`);
  return module[name] as SubgraphDefinition<unknown>;
}

/**
 * A subgraph's generated 2021–2025 data (`src/db/sample-data.ts`, built on @qn/dev), for
 * `npm start`, `npm run migrate` with QN_SAMPLE_DATA=1 and the tests; undefined for a
 * subgraph without any. The release has no development package (scripts/release.sh): there
 * it says so instead.
 */
export function loadSampleData(name: string): GenerateSampleData | undefined {
  checkName(name);
  try {
    require.resolve('@qn/dev');
  } catch (error) {
    throw new Error(
      `${name}: no generated data in this install: it comes with the development package (@qn/dev), which production images leave out; load it from a checkout (npm ci, then QN_SAMPLE_DATA=1 npm run migrate)`,
      { cause: error },
    );
  }
  let file: string;
  try {
    file = require.resolve(`../subgraphs/${name}/src/db/sample-data`);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the subgraph is chosen by name at run time
  return (require(file) as { generateSampleData: GenerateSampleData }).generateSampleData;
}
