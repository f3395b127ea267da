import { DocumentNode, FieldDefinitionNode, Kind, ObjectTypeDefinitionNode, parse, print } from 'graphql';
import { directiveArguments } from '@qn/common';

/**
 * The committed supergraph as Hive Gateway (2.12–2.15, @graphql-tools/federation 4.5) can load it.
 *
 * Hive plans a federated query by stitching the subgraphs (@graphql-tools/stitch). A field with
 * `@requires` is "computed": stitch moves it into a subschema of its own, and when no other
 * object type of that subgraph returns the field's type, it marks the type canonical there. Our
 * police, education and information subgraphs each return `IndicatorResult` (a `@shareable`
 * value type) only from their `@requires(fields: "target …")` fields, so three subschemas claim
 * it canonical and loading fails with `Multiple canonical definitions for "IndicatorResult"`
 * (docs/performance.md, "Lever 5", has the three-subgraph reproduction). The supergraph itself is
 * valid: @apollo/gateway and Apollo's composition accept it.
 *
 * The adaptation gives each such subgraph one more reference to the type, a root field that is
 * `@inaccessible`: not in the API schema, never planned, never sent to a subgraph, so no caller
 * or client sees a difference (test/gateway-runtimes.test.ts compares the API schemas). It is done
 * here, on loading, rather than in the subgraphs: the field would have no meaning for them.
 */
export function supergraphForHive(supergraphSdl: string): string {
  const document = parse(supergraphSdl);
  const objects = document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  const objectNames = new Set(objects.map((o) => o.name.value));
  /** `graph` → the object types its `@requires` fields return. */
  const returned = new Map<string, Set<string>>();
  for (const type of objects) {
    for (const field of type.fields ?? []) {
      for (const join of directiveArguments(field, 'join__field')) {
        const graph = join.graph as string | undefined;
        if (!graph || join.requires === undefined) continue;
        const named = namedType(field);
        if (!objectNames.has(named)) continue;
        if (!returned.has(graph)) returned.set(graph, new Set());
        returned.get(graph)!.add(named);
      }
    }
  }
  if (!returned.size) return supergraphSdl;
  const query = objects.find((o) => o.name.value === 'Query');
  if (!query) return supergraphSdl;
  const queryGraphs = new Set(directiveArguments(query, 'join__type').map((d) => d.graph));
  const added: FieldDefinitionNode[] = [];
  for (const [graph, types] of returned) {
    if (!queryGraphs.has(graph)) continue;
    for (const type of types) added.push(referenceField(graph, type));
  }
  const definitions = document.definitions.map((d) => (d === query ? { ...query, fields: [...(query.fields ?? []), ...added] } : d));
  return print({ ...document, definitions } as DocumentNode);
}

function namedType(field: FieldDefinitionNode): string {
  let type = field.type;
  while (type.kind !== Kind.NAMED_TYPE) type = type.type;
  return type.name.value;
}

/** `_hive_<graph>_<Type>: Type @join__field(graph: <graph>) @inaccessible` */
function referenceField(graph: string, type: string): FieldDefinitionNode {
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  return {
    kind: Kind.FIELD_DEFINITION,
    name: name(`_hive_${graph.toLowerCase()}_${type}`),
    type: { kind: Kind.NAMED_TYPE, name: name(type) },
    arguments: [],
    directives: [
      { kind: Kind.DIRECTIVE, name: name('join__field'), arguments: [{ kind: Kind.ARGUMENT, name: name('graph'), value: { kind: Kind.ENUM, value: graph } }] },
      { kind: Kind.DIRECTIVE, name: name('inaccessible'), arguments: [] },
    ],
  };
}
