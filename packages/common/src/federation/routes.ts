import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConstDirectiveNode, DocumentNode, Kind, ObjectTypeDefinitionNode, parse, valueFromASTUntyped } from 'graphql';

/**
 * The committed supergraph (`npm run schema` writes it): the gateway plans on it and a
 * subgraph's cross-agency calls are routed by it. `SUPERGRAPH_PATH` overrides the file.
 */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', '..', '..', 'schema', 'supergraph.graphql');

export function supergraphPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SUPERGRAPH_PATH || DEFAULT_SUPERGRAPH_PATH;
}

/** The supergraph's SDL, or an error naming the file and what to run. */
export function readSupergraph(env: NodeJS.ProcessEnv = process.env): string {
  const file = supergraphPath(env);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`SUPERGRAPH_PATH: cannot read the supergraph at ${file} (run npm run schema)`);
  }
}

/** The arguments of each `@name` directive on a node of a schema document (a supergraph's `@join__type`, `@join__field` …), as values. */
export const directiveArguments = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) =>
  (node.directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])) as Record<string, unknown>);

/**
 * Which subgraph resolves what, read from the supergraph's join directives, so that a
 * subgraph's call to another agency names the type or root field it wants and never the
 * agency: `rootField('serviceBusinessWorkforce')` is police, `entityFields('PoliceIndicator',
 * ['result'])` is police, because that is where the supergraph says they are resolved.
 * The same rule as the gateway's planner: a field with `@join__field` is resolved in the
 * graphs it names (not where it is `external`), one without in every graph that declares
 * the type; an entity is fetched from a graph where its key is resolvable.
 */
export class SupergraphRoutes {
  /** Subgraph name by join__Graph value (`POLICE` → `police`). */
  private readonly graphs = new Map<string, string>();
  /** type → field → the subgraphs that resolve it. */
  private readonly fields = new Map<string, Map<string, Set<string>>>();
  /** type → the subgraphs that can fetch it by its key. */
  private readonly entities = new Map<string, Set<string>>();
  private readonly queryType: string;

  constructor(document: DocumentNode) {
    let queryType = 'Query';
    for (const definition of document.definitions) {
      if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
        for (const value of definition.values ?? []) {
          const [graph] = directiveArguments(value, 'join__graph');
          if (graph) this.graphs.set(value.name.value, String(graph.name));
        }
      }
      if (definition.kind === Kind.SCHEMA_DEFINITION) {
        const query = definition.operationTypes.find((o) => o.operation === 'query');
        if (query) queryType = query.type.name.value;
      }
    }
    this.queryType = queryType;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION)
        this.addType(definition as ObjectTypeDefinitionNode);
    }
  }

  static fromSdl(sdl: string): SupergraphRoutes {
    return new SupergraphRoutes(parse(sdl, { noLocation: true }));
  }

  private addType(definition: ObjectTypeDefinitionNode): void {
    const type = definition.name.value;
    const joins = directiveArguments(definition, 'join__type');
    const declaring = new Set(joins.map((j) => this.graph(j.graph)));
    const fetchable = new Set(joins.filter((j) => j.key !== undefined && j.resolvable !== false).map((j) => this.graph(j.graph)));
    if (fetchable.size) this.entities.set(type, fetchable);
    const byField = this.fields.get(type) ?? new Map<string, Set<string>>();
    for (const field of definition.fields ?? []) {
      const fieldJoins = directiveArguments(field, 'join__field');
      const resolving = fieldJoins.length
        ? fieldJoins.filter((j) => j.external !== true && j.graph !== undefined).map((j) => this.graph(j.graph))
        : [...declaring];
      byField.set(field.name.value, new Set(resolving));
    }
    this.fields.set(type, byField);
  }

  private graph(value: unknown): string {
    const name = this.graphs.get(String(value));
    if (!name) throw new Error(`the supergraph names a graph ${String(value)} that join__Graph does not list`);
    return name;
  }

  /** The subgraph that resolves the root query field `field`; an error when none or several do. */
  rootField(field: string): string {
    const graphs = [...(this.fields.get(this.queryType)?.get(field) ?? [])];
    if (graphs.length !== 1) {
      throw new Error(
        graphs.length
          ? `the supergraph resolves Query.${field} in ${graphs.join(', ')}: a cross-agency call needs one`
          : `no subgraph resolves Query.${field} in the supergraph (run npm run schema after changing a subgraph's schema)`,
      );
    }
    return graphs[0];
  }

  /**
   * The subgraph that can fetch `type` by its key and resolves every one of `fields`, or
   * null when none does (a type whose agency does not resolve those fields); an error when
   * several do, since a call must have one agency to ask.
   */
  entityFields(type: string, fields: string[]): string | null {
    const candidates = [...(this.entities.get(type) ?? [])].filter((graph) => fields.every((f) => this.fields.get(type)?.get(f)?.has(graph)));
    if (candidates.length > 1)
      throw new Error(`the supergraph resolves ${type} { ${fields.join(' ')} } in ${candidates.join(', ')}: a cross-agency call needs one`);
    return candidates[0] ?? null;
  }
}

let committed: SupergraphRoutes | undefined;

/** The routes of the committed supergraph, read once per process at the first cross-agency call. */
export function supergraphRoutes(): SupergraphRoutes {
  committed ??= SupergraphRoutes.fromSdl(readSupergraph());
  return committed;
}
