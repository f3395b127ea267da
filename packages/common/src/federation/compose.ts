import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Composes subgraph SDLs into the supergraph; fails with every composition error spelled out. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}

/**
 * The schema clients see through the gateway: the supergraph's API schema, without
 * federation's types and directives (`_entities`, `@join__…`, `link__Import`), sorted
 * so that a diff shows only real changes.
 */
export function clientSchemaOf(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${printSchema(lexicographicSortSchema(api)).trim()}\n`;
}
