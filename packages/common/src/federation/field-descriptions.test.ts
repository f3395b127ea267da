import { buildASTSchema, GraphQLInputObjectType, GraphQLObjectType, parse } from 'graphql';
import { describeFields, FIELD_DESCRIPTIONS, INPUT_FIELD_DESCRIPTIONS } from './field-descriptions';

const SDL = `
  type Tip { id: ID! "its own words" version: Int! districtId: ID district: Unit zone: ID }
  type Unit { id: ID! }
  input UpdateTipInput { id: ID! expectedVersion: Int! kind: String }
  input TipFilter { districtId: ID kind: String "received in this period" period: String }
  type Query { tips(filter: TipFilter): [Tip!]! }
`;

test("shared field names get the shared description; a field's own description and other names are left as they are", () => {
  const schema = buildASTSchema(describeFields(parse(SDL)));
  const tip = (schema.getType('Tip') as GraphQLObjectType).getFields();
  expect(tip.id.description).toBe(FIELD_DESCRIPTIONS.id);
  expect(tip.version.description).toBe('its own words');
  expect(tip.districtId.description).toBe(FIELD_DESCRIPTIONS.districtId);
  expect(tip.zone.description).toBeUndefined();
});

test('a field beside its id field is the record the id names', () => {
  const tip = (buildASTSchema(describeFields(parse(SDL))).getType('Tip') as GraphQLObjectType).getFields();
  expect(tip.district.description).toBe('The district that `districtId` names');
});

test('inputs take the change descriptions; a filter field keeps the matching records', () => {
  const schema = buildASTSchema(describeFields(parse(SDL)));
  const update = (schema.getType('UpdateTipInput') as GraphQLInputObjectType).getFields();
  expect(update.id.description).toBe(INPUT_FIELD_DESCRIPTIONS.id);
  expect(update.expectedVersion.description).toBe(INPUT_FIELD_DESCRIPTIONS.expectedVersion);
  expect(update.kind.description).toBeUndefined();
  const filter = (schema.getType('TipFilter') as GraphQLInputObjectType).getFields();
  expect(filter.districtId.description).toBe('Only the records of this district (its id)');
  expect(filter.kind.description).toBe('Only the records whose kind is this');
  expect(filter.period.description).toBe('received in this period');
});
