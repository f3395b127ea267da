import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import path from 'node:path';
import { generateSchemas } from '../scripts/schema';

/** The committed SDL files must be what the code produces, and composition must succeed. */
test('schema/ matches the code (run `npm run schema` after changing a subgraph)', async () => {
  const files = await generateSchemas();
  expect(files.size).toBe(7);
  for (const [file, content] of files) {
    const committed = readFileSync(path.resolve(__dirname, '..', file), 'utf8');
    expect({ file, content: committed }).toEqual({ file, content });
  }
});

/**
 * How much of the client schema says what it is: the share of types, fields, arguments and
 * enum values with a description. The floors are today's; they only go up (issue 13 asks
 * for all of them), so a change may not add undescribed parts faster than it describes others.
 */
test('descriptions of the client schema do not fall below their floors', () => {
  const schema = buildSchema(readFileSync(path.join(__dirname, '..', 'schema', 'client.graphql'), 'utf8'));
  const count = { types: [0, 0], fields: [0, 0], arguments: [0, 0], enumValues: [0, 0] };
  const tally = (key: keyof typeof count, described: boolean) => {
    count[key][1] += 1;
    if (described) count[key][0] += 1;
  };
  for (const [name, type] of Object.entries(schema.getTypeMap())) {
    if (name.startsWith('__')) continue;
    tally('types', Boolean(type.description));
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        tally('fields', Boolean(field.description));
        for (const arg of 'args' in field ? field.args : []) tally('arguments', Boolean(arg.description));
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) tally('enumValues', Boolean(value.description));
  }
  const share = (key: keyof typeof count) => (100 * count[key][0]) / count[key][1];
  console.log(
    `described: ${Object.entries(count)
      .map(([k, [d, n]]) => `${k} ${d}/${n} (${((100 * d) / n).toFixed(1)} %)`)
      .join(', ')}`,
  );
  expect(share('types')).toBeGreaterThanOrEqual(70);
  expect(share('fields')).toBeGreaterThanOrEqual(55);
  expect(share('arguments')).toBeGreaterThanOrEqual(95);
  expect(share('enumValues')).toBe(100);
});
