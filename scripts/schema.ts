/**
 * Regenerates schema/subgraphs/<name>.graphql from each subgraph's code and composes
 * schema/supergraph.graphql, which the gateway serves, and schema/client.graphql, the
 * schema its clients see (for code generators and the breaking-change check). `--check` writes nothing and
 * fails when the committed files differ from what the code produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clientSchemaOf, composeSupergraph, DEFAULT_PORTS, printFederatedSchema, SUBGRAPHS, SubgraphName } from '@qn/common';
import { loadSubgraph } from './subgraphs';

const root = path.resolve(__dirname, '..');

export async function generateSchemas(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const sdls = [];
  for (const name of SUBGRAPHS) {
    const schema = await loadSubgraph(name).buildSchema();
    const sdl = `${printFederatedSchema(schema).trim()}\n`;
    files.set(path.join('schema', 'subgraphs', `${name}.graphql`), sdl);
    sdls.push({ name, url: `http://localhost:${DEFAULT_PORTS[name as SubgraphName]}/graphql`, sdl });
  }
  const supergraph = `${composeSupergraph(sdls).trim()}\n`;
  files.set(path.join('schema', 'supergraph.graphql'), supergraph);
  files.set(path.join('schema', 'client.graphql'), clientSchemaOf(supergraph));
  return files;
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generateSchemas();
  const drifted: string[] = [];
  for (const [file, content] of files) {
    const full = path.join(root, file);
    if (check) {
      let committed: string;
      try {
        committed = readFileSync(full, 'utf8');
      } catch {
        committed = '';
      }
      if (committed !== content) drifted.push(file);
    } else {
      writeFileSync(full, content);
      console.log(`wrote ${file}`);
    }
  }
  if (drifted.length) {
    console.error(`schema files out of date (run npm run schema): ${drifted.join(', ')}`);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
