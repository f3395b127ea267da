import { GraphQLError } from 'graphql';
import { ANONYMOUS } from './auth/identity';
import { ask, entities, entityOperation, fieldOperation, isEntity } from './graph-client';
import { requestScope } from './http/request-id';

const FLAGS = entityOperation({
  name: 'UnitSmallCountFlags',
  on: 'Indicator',
  selection: 'code protectsSmallCounts',
  accept: isEntity<{ code: string; protectsSmallCounts: boolean }>,
});
const WORKFORCE = fieldOperation({
  name: 'UnitWorkforce',
  field: 'serviceBusinessWorkforce',
  args: { period: 'String!', orgUnit: 'ID' },
  accept: (v): v is number => typeof v === 'number',
});

interface Sent {
  url: string;
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

/** A fetch that records what is sent and answers each subgraph (by port) with `answer`. */
function fakeFetch(answer: (port: string, body: { query: string; variables: Record<string, unknown> }) => unknown) {
  const sent: Sent[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    sent.push({ url, query: body.query, variables: body.variables, headers: init.headers as Record<string, string> });
    const port = new URL(url).port;
    const reply = answer(port, body);
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply), { headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { impl, sent };
}

/** Runs `work` as labour serving a request for the anonymous caller. */
const serving = <T>(work: () => Promise<T>) =>
  requestScope.run({ requestId: 'r-1', onward: { service: 'labour', subject: ANONYMOUS.subject, sign: async (aud) => `token-for-${aud}` } }, work);

/** `FLAGS` asked for these indicators (type and code) as labour serving a request. */
const flagsOf = (indicators: [string, string][], impl: typeof fetch) =>
  serving(() =>
    entities(
      'labour',
      FLAGS,
      indicators.map(([__typename, code]) => ({ __typename, code })),
      {},
      ANONYMOUS,
      impl,
    ),
  );

const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
afterEach(() => logged.mockClear());

describe('entities', () => {
  test("one request per agency's subgraph, at once, each with only its types; answers in the order asked", async () => {
    const { impl, sent } = fakeFetch((port, body) => ({
      data: { _entities: (body.variables.representations as { code: string }[]).map((r) => ({ code: r.code, protectsSmallCounts: port === '4002' })) },
    }));
    const answers = await flagsOf(
      [
        ['PoliceIndicator', 'IND-3.1'],
        ['EducationIndicator', 'IND-2.1'],
        ['PoliceIndicator', 'IND-3.2'],
      ],
      impl,
    );
    expect(answers).toEqual([
      { code: 'IND-3.1', protectsSmallCounts: true },
      { code: 'IND-2.1', protectsSmallCounts: false },
      { code: 'IND-3.2', protectsSmallCounts: true },
    ]);
    expect(sent.map((s) => new URL(s.url).port).sort()).toEqual(['4002', '4004']); // police, education: the supergraph's URLs
    const police = sent.find((s) => s.url.includes(':4002'))!;
    expect(police.query).toBe(
      'query UnitSmallCountFlags($representations: [_Any!]!) { _entities(representations: $representations) { ... on PoliceIndicator { code protectsSmallCounts } } }',
    );
    expect(police.variables.representations).toEqual([
      { __typename: 'PoliceIndicator', code: 'IND-3.1' },
      { __typename: 'PoliceIndicator', code: 'IND-3.2' },
    ]);
    expect(police.headers['x-request-id']).toBe('r-1');
  });

  test('null for a type no subgraph resolves the fields of (nothing asked); SUBGRAPH_UNAVAILABLE naming the agency for an entity it failed', async () => {
    const { impl, sent } = fakeFetch(() => ({
      data: { _entities: [null, { code: 'IND-3.2', protectsSmallCounts: false }] },
      errors: [{ message: 'boom', path: ['_entities', 0, 'protectsSmallCounts'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    }));
    const answers = await flagsOf(
      [
        ['PoliceIndicator', 'IND-3.1'],
        ['NoSuchIndicator', 'IND-9'],
        ['PoliceIndicator', 'IND-3.2'],
      ],
      impl,
    );
    expect(sent).toHaveLength(1);
    expect(answers[0]).toBeInstanceOf(GraphQLError);
    expect((answers[0] as GraphQLError).message).toBe('the police subgraph is unavailable');
    expect((answers[0] as GraphQLError).extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', service: 'police' });
    expect(answers[1]).toBeNull();
    expect(answers[2]).toEqual({ code: 'IND-3.2', protectsSmallCounts: false });
    // The detail goes to the caller's log only.
    expect(logged.mock.calls[0][0]).toBe(
      '[labour] the police subgraph is unavailable: UnitSmallCountFlags _entities[0] gave no answer (boom [INTERNAL_SERVER_ERROR])',
    );
  });

  test('an agency that cannot be reached fails its own entities only', async () => {
    const { impl } = fakeFetch((port) =>
      port === '4002' ? new TypeError('fetch failed') : { data: { _entities: [{ code: 'IND-2.1', protectsSmallCounts: false }] } },
    );
    const answers = await flagsOf(
      [
        ['PoliceIndicator', 'IND-3.1'],
        ['EducationIndicator', 'IND-2.1'],
      ],
      impl,
    );
    expect((answers[0] as GraphQLError).extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', service: 'police' });
    expect(answers[1]).toEqual({ code: 'IND-2.1', protectsSmallCounts: false });
  });

  test('only while serving a request, for its caller', async () => {
    const { impl } = fakeFetch(() => ({ data: { _entities: [] } }));
    await expect(entities('labour', FLAGS, [{ __typename: 'PoliceIndicator', code: 'IND-3.1' }], {}, ANONYMOUS, impl)).rejects.toThrow(
      'labour calls police only while serving a request',
    );
  });
});

describe('ask', () => {
  test('the subgraph that resolves the field, once per item under its alias; an unset argument is left out', async () => {
    const { impl, sent } = fakeFetch(() => ({ data: { f0: 120, f1: 7 } }));
    const answers = await serving(() => ask('labour', WORKFORCE, [{ period: '2024' }, { period: '2024Q1', orgUnit: '522' }], ANONYMOUS, impl));
    expect(answers).toEqual([120, 7]);
    expect(sent).toHaveLength(1);
    expect(new URL(sent[0].url).port).toBe('4002');
    expect(sent[0].query).toBe(
      'query UnitWorkforce($period0: String!, $period1: String!, $orgUnit1: ID) { f0: serviceBusinessWorkforce(period: $period0) f1: serviceBusinessWorkforce(period: $period1, orgUnit: $orgUnit1) }',
    );
    expect(sent[0].variables).toEqual({ period0: '2024', period1: '2024Q1', orgUnit1: '522' });
  });

  test('an answer of the wrong shape fails its item with SUBGRAPH_UNAVAILABLE', async () => {
    const { impl } = fakeFetch(() => ({ data: { f0: 'many', f1: 3 } }));
    const answers = await serving(() => ask('labour', WORKFORCE, [{ period: '2024' }, { period: '2023' }], ANONYMOUS, impl));
    expect((answers[0] as GraphQLError).extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', service: 'police' });
    expect(answers[1]).toBe(3);
  });
});

test('an answer is checked against the item that asked it (one entry per id asked)', async () => {
  const DISTRICTS = fieldOperation({
    name: 'UnitDistricts',
    field: 'serviceBusinessDistricts',
    args: { ids: '[ID!]!' },
    selection: 'id',
    accept: (v, item): v is unknown[] => Array.isArray(v) && v.length === (item.ids as string[]).length,
  });
  const { impl } = fakeFetch(() => ({ data: { f0: [{ id: 'a' }, { id: 'b' }], f1: [{ id: 'c' }] } }));
  const answers = await serving(() => ask('labour', DISTRICTS, [{ ids: ['a', 'b'] }, { ids: ['c', 'd'] }], ANONYMOUS, impl));
  expect(answers[0]).toEqual([{ id: 'a' }, { id: 'b' }]);
  // Two ids asked, one entry answered: police's failure for that slice.
  expect((answers[1] as GraphQLError).extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', service: 'police' });
});

test('two different operations may not share a name', () => {
  expect(() => fieldOperation({ name: 'UnitWorkforce', field: 'tips', args: {}, accept: (_v): _v is unknown => true })).toThrow(
    'two cross-agency operations are named UnitWorkforce',
  );
});
