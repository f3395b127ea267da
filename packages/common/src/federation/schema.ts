import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { createAuthChecker } from '../auth/access';
import { auditLogResolver } from '../audit/audit.resolver';
import { auditMutations } from '../audit/trail';
import { dataExceptionsAsInputErrors } from '../db/input-errors';
import { describeArguments } from './argument-descriptions';
import { describeFields } from './field-descriptions';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

/** `__resolveReference` functions per type name; type-graphql has no decorator for them. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  references?: ReferenceResolvers;
  /** The subgraph's name, e.g. police (its audit log is `policeAuditLog`). */
  subgraph: string;
  /** Agency codes whose record-level data this subgraph holds (see auth/access.ts). */
  recordOwners: readonly string[];
}

/**
 * The one way every subgraph builds its schema: type-graphql classes → SDL with
 * directives → an Apollo Federation 2 subgraph schema with `_entities`/`_service`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: [...(options.resolvers as Function[]), auditLogResolver(options.subgraph)] as unknown as BuildSchemaOptions['resolvers'],
    globalMiddlewares: [dataExceptionsAsInputErrors, auditMutations],
    orphanedTypes: options.orphanedTypes,
    // Inputs are checked by each resolver with errors that name the field (validation.ts).
    validate: false,
    authChecker: createAuthChecker(options.recordOwners),
    authMode: 'error',
  });
  const typeDefs = describeFields(describeArguments(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`)));
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

/** The subgraph's SDL as the gateway's composition sees it (with @key etc.). */
export function printFederatedSchema(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
