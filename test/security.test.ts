import { post, startSystem, TestSystem } from './harness';

/** Hostile queries against the gateway in production mode: refused or masked, limits not echoed. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ production: true });
});
afterAll(() => system.stop());

function expectRefusedWithoutLimits(response: { errors?: { message: string }[] }) {
  expect(response.errors?.length).toBeGreaterThan(0);
  // The configured limit is not told to the caller.
  for (const e of response.errors!) expect(e.message).not.toMatch(/\b(12|30|4000|20000)\b/);
}

test('a depth-50 query is refused', async () => {
  let selection = 'code';
  for (let i = 0; i < 25; i++) selection = `owner { indicators { ${selection} } }`;
  const response = await system.query(`{ indicators { ${selection} } }`);
  expectRefusedWithoutLimits(response);
  expect(response.data).toBeFalsy();
});

test('1,000 aliases are refused', async () => {
  const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: agencies { code }`).join(' ');
  const response = await system.query(`{ ${aliases} }`);
  expectRefusedWithoutLimits(response);
});

test('a batched array of operations is refused', async () => {
  const response = await fetch(system.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ query: '{ agencies { code } }' }, { query: '{ agencies { code } }' }]),
  });
  expect(response.status).toBe(400);
  expect(await response.text()).not.toContain('LABOUR');
});

test('introspection is off in production mode', async () => {
  const response = await system.query(`{ __schema { types { name } } }`);
  expect(response.errors?.[0].message).toMatch(/introspection/i);
  expect(response.data).toBeFalsy();
});

test('field suggestions are not given', async () => {
  const response = await system.query(`{ indicator(code: "IND-3.1") { titl } }`);
  expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
});

test('a GET that could be a cross-site request is refused (CSRF prevention)', async () => {
  const response = await fetch(`${system.gateway.url}?query=${encodeURIComponent('{ agencies { code } }')}`);
  expect(response.status).toBe(400);
});

test('a failing subgraph is masked: no stack, SQL, URL or response body, but a correlation id', async () => {
  const local = await startSystem({ production: true });
  try {
    // Break police's database under it: its SQL fails with an internal error.
    await local.ownerQuery('police', 'ALTER TABLE tip RENAME TO tip_gone');
    const response = await post(local.gateway.url, { query: '{ indicator(code: "IND-3.1") { code result(period: "2024") { value } } }' });
    expect(response.data?.indicator.code).toBe('IND-3.1');
    const text = JSON.stringify(response.errors);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', correlationId: expect.any(String) });
    expect(text).not.toMatch(/\btip\b|does not exist|SELECT|stack|127\.0\.0\.1|localhost|http:/i);
  } finally {
    await local.stop();
  }
});
