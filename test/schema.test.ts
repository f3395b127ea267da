import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import path from 'node:path';
import { SUBGRAPHS } from '@qn/common';
import { generateSchemas } from '../scripts/schema';

/** The committed SDL files (one per subgraph, the supergraph and the client schema) must be what the code produces, and composition must succeed. */
test('schema/ matches the code (run `npm run schema` after changing a subgraph)', async () => {
  const files = await generateSchemas();
  expect(files.size).toBe(SUBGRAPHS.length + 2);
  for (const [file, content] of files) {
    const committed = readFileSync(path.resolve(__dirname, '..', file), 'utf8');
    expect({ file, content: committed }).toEqual({ file, content });
  }
});

/**
 * Every type, field, argument and enum value of the client schema says what it is: the
 * share of each with a description is printed and must be 100 %, so a new undescribed part
 * fails here (the undescribed ones are listed).
 */
test('every type, field, argument and enum value of the client schema has a description', () => {
  const schema = buildSchema(readFileSync(path.join(__dirname, '..', 'schema', 'client.graphql'), 'utf8'));
  const count = { types: [0, 0], fields: [0, 0], arguments: [0, 0], enumValues: [0, 0] };
  const undescribed: string[] = [];
  const tally = (key: keyof typeof count, described: boolean, where: string) => {
    count[key][1] += 1;
    if (described) count[key][0] += 1;
    else undescribed.push(where);
  };
  for (const [name, type] of Object.entries(schema.getTypeMap())) {
    if (name.startsWith('__')) continue;
    tally('types', Boolean(type.description), name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        tally('fields', Boolean(field.description), `${name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) tally('arguments', Boolean(arg.description), `${name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) tally('enumValues', Boolean(value.description), `${name}.${value.name}`);
  }
  console.log(
    `described: ${Object.entries(count)
      .map(([k, [d, n]]) => `${k} ${d}/${n} (${((100 * d) / n).toFixed(1)} %)`)
      .join(', ')}`,
  );
  expect(undescribed).toEqual([]);
});
