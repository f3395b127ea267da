/**
 * Every cross-agency call is a declared operation (`fieldOperation`, `entityOperation` in
 * packages/common/src/graph-client.ts) routed by the committed supergraph. Here each one
 * is checked against the schema of the subgraph it is routed to, as that subgraph is
 * composed into the supergraph: a field renamed, an argument retyped or a type that
 * stops resolving a field fails this test, not a report in production.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { GraphQLSchema, isObjectType, parse, validate } from 'graphql';
import {
  declaredOperations,
  entitiesDocument,
  EntityOperation,
  entityOperation,
  fieldDocument,
  FieldOperation,
  GraphOperation,
  readSupergraph,
  SupergraphRoutes,
} from '@qn/common';

const ROOT = path.resolve(__dirname, '..');
const DECLARATION = /\b(?:entity|field)Operation(?:<[^()]*?>)?\(\{/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sources(file);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
  });
}

/** The source files that declare operations, and how many each declares. */
const declaring = [
  ...sources(path.join(ROOT, 'packages')),
  ...readdirSync(path.join(ROOT, 'subgraphs')).flatMap((s) => sources(path.join(ROOT, 'subgraphs', s, 'src'))),
]
  .map((file) => ({ file, count: readFileSync(file, 'utf8').match(DECLARATION)?.length ?? 0 }))
  .filter((f) => f.count > 0 && !f.file.endsWith(path.join('common', 'src', 'graph-client.ts')));

const sdl = readSupergraph();
const routes = SupergraphRoutes.fromSdl(sdl);
const subgraphs = Supergraph.build(sdl).subgraphs();
const schemas = new Map<string, GraphQLSchema>();
const schemaOf = (name: string) => {
  if (!schemas.has(name)) schemas.set(name, subgraphs.get(name)!.schema.toGraphQLJSSchema());
  return schemas.get(name)!;
};
const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const supergraphSchema = Supergraph.build(sdl).schema.toGraphQLJSSchema();

/** The concrete types of the supergraph implementing `on` (or `on` itself, an object type). */
function typesOf(on: string): string[] {
  const type = supergraphSchema.getType(on);
  if (!type) throw new Error(`the supergraph has no type ${on}`);
  if (isObjectType(type)) return [on];
  return supergraphSchema.getPossibleTypes(type as never).map((t) => t.name);
}

/** Validation errors of `op` against each subgraph it is routed to, and which types it reaches there. */
function check(op: GraphOperation): { errors: string[]; reached: string[] } {
  if (op.kind === 'field') {
    const subgraph = routes.rootField(op.field);
    // The document for one item with every argument given.
    const { query } = fieldDocument(op, [Object.fromEntries(Object.keys(op.args).map((name) => [name, 'given']))]);
    return { errors: validate(schemaOf(subgraph), parse(query)).map((e) => `${subgraph}: ${e.message}`), reached: [subgraph] };
  }
  const errors: string[] = [];
  const reached: string[] = [];
  for (const type of typesOf(op.on)) {
    const subgraph = routes.entityFields(type, [...op.fields]);
    if (!subgraph) continue;
    reached.push(`${type}@${subgraph}`);
    errors.push(
      ...validate(schemaOf(subgraph), parse(entitiesDocument(op as EntityOperation<unknown>, [type]))).map((e) => `${type}@${subgraph}: ${e.message}`),
    );
  }
  return { errors, reached };
}

beforeAll(async () => {
  for (const { file } of declaring) await import(file);
});

test('every operation declared in the source is loaded and checked here', () => {
  const expected = declaring.reduce((n, f) => n + f.count, 0);
  // The modules known to call other agencies: the police registry (health, labour), labour's task registry
  // (every agency), labour's IND-1.3a and IND-4.2 parts, reporting and the programme review.
  expect(declaring.map((f) => path.relative(ROOT, f.file)).sort()).toEqual(
    expect.arrayContaining([
      'packages/common/src/business-links.ts',
      'packages/common/src/federation/task.ts',
      'subgraphs/labour/src/records/graph/health.client.ts',
      'subgraphs/labour/src/records/graph/police.client.ts',
      'subgraphs/labour/src/reporting/graph.client.ts',
      'subgraphs/labour/src/review/review.compile.ts',
    ]),
  );
  expect(declaredOperations()).toHaveLength(expected);
});

describe('each declared operation is valid against the subgraph the supergraph routes it to', () => {
  test('field operations reach the agency that resolves the field', () => {
    const fields = declaredOperations().filter((op): op is FieldOperation<unknown> => op.kind === 'field');
    expect(Object.fromEntries(fields.map((op) => [op.name, check(op)]))).toEqual({
      BusinessDistricts: { errors: [], reached: ['police'] },
      RegistryProgress: { errors: [], reached: ['labour'] },
      LabourServiceBusinessWorkforce: { errors: [], reached: ['police'] },
      LabourHealthServiceUsers: { errors: [], reached: ['health'] },
    });
  });

  test("entity operations reach every agency's type that resolves their fields", () => {
    const ops = declaredOperations().filter((op): op is EntityOperation<unknown> => op.kind === 'entity');
    const results = Object.fromEntries(ops.map((op) => [op.name, check(op)]));
    const indicators = ['EducationIndicator@education', 'InformationIndicator@information', 'LabourIndicator@labour', 'PoliceIndicator@police'];
    expect(results).toEqual({
      ReportIndicators: { errors: [], reached: expect.arrayContaining(indicators) },
      ReviewIndicators: { errors: [], reached: expect.arrayContaining(indicators) },
      SmallCountFlags: { errors: [], reached: expect.arrayContaining(indicators) },
      ReportTaskProgress: { errors: [], reached: expect.arrayContaining(['PoliceTask@police', 'HealthTask@health']) },
    });
  });
});

describe('the check is not vacuous', () => {
  test('a field no agency has, a wrong argument type, a selection on a scalar and an unknown root field all fail', () => {
    const wrongField = entityOperation({
      name: 'CheckWrongField',
      on: 'Indicator',
      selection: 'code resultz(period: "2024") { value }',
      accept: (_v): _v is unknown => true,
    });
    expect(check(wrongField).reached).toEqual([]); // no subgraph resolves `resultz`: nothing would be asked
    const wrongType = entityOperation({
      name: 'CheckWrongType',
      on: 'Indicator',
      variables: { period: 'Int!' },
      selection: 'code result(period: $period) { value }',
      accept: (_v): _v is unknown => true,
    });
    expect(check(wrongType).errors.join('\n')).toMatch(/Variable "\$period" of type "Int!" used in position expecting type "String!"/);
    expect(() => routes.rootField('tipz')).toThrow('no subgraph resolves Query.tipz in the supergraph');
    const wrongSelection: FieldOperation<unknown> = {
      kind: 'field',
      name: 'CheckWrongSelection',
      field: 'serviceBusinessWorkforce',
      args: { period: 'String!' },
      selection: 'count',
      accept: (_v): _v is unknown => true,
    };
    expect(check(wrongSelection).errors.join('\n')).toMatch(/must not have a selection since type "Int!" has no subfields/);
  });

  test('the service-only fields the operations use (access rule SERVICE) stay out of the public graph', () => {
    for (const field of ['serviceBusinessDistricts', 'healthServiceUsers']) {
      expect(api.getQueryType()!.getFields()[field]).toBeUndefined();
      expect(supergraphSchema.getQueryType()!.getFields()[field]).toBeDefined();
    }
  });
});
