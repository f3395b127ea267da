import { readSupergraph, SupergraphRoutes, supergraphPath } from './routes';

const routes = SupergraphRoutes.fromSdl(readSupergraph());

describe('routes of the committed supergraph', () => {
  test('a root field goes to the one subgraph that resolves it', () => {
    expect(routes.rootField('serviceBusinessWorkforce')).toBe('police');
    expect(routes.rootField('healthServiceUsers')).toBe('health');
    expect(routes.rootField('registryProgress')).toBe('labour');
    expect(() => routes.rootField('nothingLikeThis')).toThrow('no subgraph resolves Query.nothingLikeThis');
  });

  test("an entity's fields go to the agency that resolves them, not to the catalogue that lists the entity", () => {
    // PoliceIndicator is declared by labour (catalogue: title) and police (results).
    expect(routes.entityFields('PoliceIndicator', ['code', 'result', 'resultsByDistrict'])).toBe('police');
    expect(routes.entityFields('PoliceIndicator', ['title'])).toBe('labour');
    expect(routes.entityFields('LabourIndicator', ['code', 'result'])).toBe('labour');
    expect(routes.entityFields('HealthTask', ['id', 'progress'])).toBe('health');
    // No one subgraph resolves a catalogue field and a result together.
    expect(routes.entityFields('PoliceIndicator', ['title', 'result'])).toBeNull();
    expect(routes.entityFields('NoSuchType', ['code'])).toBeNull();
  });

  test('a selection that two subgraphs resolve alike is refused: a call needs one agency', () => {
    expect(() => routes.entityFields('PoliceIndicator', ['code'])).toThrow('resolves PoliceIndicator { code } in labour, police');
  });
});

describe('join directives', () => {
  const sdl = `
    schema { query: Query }
    enum join__Graph { A @join__graph(name: "a", url: "http://a") B @join__graph(name: "b", url: "http://b") }
    type Query @join__type(graph: A) @join__type(graph: B) { one: Int @join__field(graph: A) both: Int }
    type Thing @join__type(graph: A, key: "id") @join__type(graph: B, key: "id", resolvable: false) {
      id: ID!
      name: String @join__field(graph: A) @join__field(graph: B, external: true)
      size: Int @join__field(graph: B)
    }`;
  const small = SupergraphRoutes.fromSdl(sdl);

  test('a field external in a graph is not resolved there; a key that is not resolvable is not fetched', () => {
    expect(small.entityFields('Thing', ['name'])).toBe('a');
    expect(small.entityFields('Thing', ['size'])).toBeNull(); // B resolves size but cannot fetch Thing by its key
    expect(small.rootField('one')).toBe('a');
    expect(() => small.rootField('both')).toThrow('resolves Query.both in a, b');
  });

  test('SUPERGRAPH_PATH names the file; a missing file says what to run', () => {
    expect(supergraphPath({ SUPERGRAPH_PATH: '/x/s.graphql' })).toBe('/x/s.graphql');
    expect(supergraphPath({})).toMatch(/schema\/supergraph\.graphql$/);
    expect(() => readSupergraph({ SUPERGRAPH_PATH: '/nonexistent/s.graphql' })).toThrow(
      'cannot read the supergraph at /nonexistent/s.graphql (run npm run schema)',
    );
  });
});
