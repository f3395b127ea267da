import { buildASTSchema, parse } from 'graphql';
import { ARGUMENT_DESCRIPTIONS, describeArguments } from './argument-descriptions';

test("shared argument names get the shared description; an argument's own description and other names are left as they are", () => {
  const sdl = `type Query {
    tips(first: Int, "only these" filter: String, zone: ID): Int
    result(period: String!): Int
  }`;
  const schema = buildASTSchema(describeArguments(parse(sdl)));
  const [first, filter, zone] = schema.getQueryType()!.getFields().tips.args;
  expect(first.description).toBe(ARGUMENT_DESCRIPTIONS.first);
  expect(filter.description).toBe('only these');
  expect(zone.description).toBeUndefined();
  expect(schema.getQueryType()!.getFields().result.args[0].description).toBe(ARGUMENT_DESCRIPTIONS.period);
});
