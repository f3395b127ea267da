import { DocumentNode, FieldDefinitionNode, InputValueDefinitionNode, Kind, StringValueNode, visit } from 'graphql';

/**
 * What the fields every subgraph repeats hold, said once: a field of these names that has
 * no description of its own gets this one in the subgraph's SDL (and so in the graph
 * clients see). A field whose meaning differs says so itself.
 */
export const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  id: "The record's id",
  version: 'Increases with every change; pass it back as expectedVersion',
  pageInfo: 'Where this page starts and ends, and whether records come before or after it',
  node: 'The record at this place of the page',
  createdAt: 'When the record was created (UTC)',
  createdBy: 'Who created it (the subject of their token)',
  updatedAt: 'When the record was last changed (UTC)',
  updatedBy: 'Who last changed it (the subject of their token)',
  note: 'A free-text note',
  ordinal: "Its place in the plan's order",
  titleEn: "The title in English (a translation of the plan's Vietnamese)",
  titleVi: 'The title in Vietnamese, as the plan words it',
  nameEn: 'The name in English (a translation)',
  heldOn: 'The day it was held',
  year: 'The calendar year',
  districtId: "The district of its place (an organisation unit's id; districts existed until 30/6/2025)",
  communeId: "The commune-level unit of its place (an organisation unit's id)",
  validFrom: 'The first day it is valid',
  validTo: 'The first day it is no longer valid (none while it still is)',
};

/** Input fields: what a change or a filter takes under these names. */
export const INPUT_FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  id: 'The id of the record to change',
  expectedVersion: 'The version you based the change on; a different current version is a CONFLICT',
  note: 'A free-text note',
  heldOn: 'The day it was held (YYYY-MM-DD)',
  year: 'A calendar year, e.g. 2024',
  districtId: "The district of its place (an organisation unit's id; districts existed until 30/6/2025)",
  communeId: "The commune-level unit of its place (an organisation unit's id)",
};

/** The root types, said once for every subgraph. */
export const ROOT_TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  Query: "What the graph answers: the plan's catalogue and territory, each agency's records, indicators, tasks and reports",
  Mutation: 'The changes agencies make to their records, registry entries and reports',
};

/** Filter fields: a filter keeps the records that match all its fields. */
const filterDescription = (name: string): string =>
  name.endsWith('Id') ? `Only the records of this ${name.slice(0, -2)} (its id)` : `Only the records whose ${name} is this`;

const text = (value: string): StringValueNode => ({ kind: Kind.STRING, value });

function describeField<T extends FieldDefinitionNode | InputValueDefinitionNode>(field: T, description: string | undefined): T {
  return field.description || !description ? field : { ...field, description: text(description) };
}

/**
 * An object field `x` beside a field `xId` is the record `xId` names; the shared
 * descriptions for the rest.
 */
function describeObjectFields(fields: readonly FieldDefinitionNode[]): FieldDefinitionNode[] {
  const names = new Set(fields.map((f) => f.name.value));
  return fields.map((field) => {
    const name = field.name.value;
    const linked = names.has(`${name}Id`) ? `The ${name} that \`${name}Id\` names` : undefined;
    return describeField(field, FIELD_DESCRIPTIONS[name] ?? linked);
  });
}

/** The SDL with the shared descriptions given to the fields that have none. */
export function describeFields(document: DocumentNode): DocumentNode {
  return visit(document, {
    ObjectTypeDefinition: (node) => ({
      ...node,
      description: node.description ?? (ROOT_TYPE_DESCRIPTIONS[node.name.value] ? text(ROOT_TYPE_DESCRIPTIONS[node.name.value]) : undefined),
      fields: node.fields && describeObjectFields(node.fields),
    }),
    ObjectTypeExtension: (node) => ({ ...node, fields: node.fields && describeObjectFields(node.fields) }),
    InterfaceTypeDefinition: (node) => ({ ...node, fields: node.fields && describeObjectFields(node.fields) }),
    InputObjectTypeDefinition(node) {
      const filter = node.name.value.endsWith('Filter');
      return {
        ...node,
        fields: node.fields?.map((field) => describeField(field, filter ? filterDescription(field.name.value) : INPUT_FIELD_DESCRIPTIONS[field.name.value])),
      };
    },
  });
}
