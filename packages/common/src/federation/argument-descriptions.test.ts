import { buildASTSchema, parse } from 'graphql';
import { ARGUMENT_DESCRIPTIONS, describeArguments } from './argument-descriptions';

test("shared argument names get the shared description; an argument's own description and other names are left as they are", () => {
  const sdl = `type Query {
    tips(id: ID, "only these" filter: String, zone: ID): Int
    result(period: String!): Int
  }`;
  const schema = buildASTSchema(describeArguments(parse(sdl)));
  const [id, filter, zone] = schema.getQueryType()!.getFields().tips.args;
  expect(id.description).toBe(ARGUMENT_DESCRIPTIONS.id);
  expect(filter.description).toBe('only these');
  expect(zone.description).toBeUndefined();
  expect(schema.getQueryType()!.getFields().result.args[0].description).toBe(ARGUMENT_DESCRIPTIONS.period);
});
