import { DocumentNode, Kind, visit } from 'graphql';

/**
 * What the arguments every subgraph repeats take, said once: a field argument of these
 * names that has no description of its own gets this one in the subgraph's SDL (and so in
 * the graph clients see). An argument whose meaning differs says so itself.
 */
export const ARGUMENT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  input: 'The change to make; each field of the input type says what it takes',
  period:
    'A period: a year (2024), a quarter (2024Q3), a half year (2024S1), nine months (2024M9), a month (202403), a data cut-off window (2024Q3R) or a run of years (2021-2025)',
  from: 'The first period of the series (the forms of `period`)',
  to: 'The last period of the series (the forms of `period`)',
  orgUnit: "An organisation unit's id (`orgUnits` lists them: a district, or a commune-level unit such as 21040-2025-07); the province when left out",
  level: 'The level asked for',
  at: 'A date (YYYY-MM-DD): the answer as things stood on that day, as the field says',
  filter: 'Narrows the list; each field of the filter type says how (the whole list when left out)',
  id: "The record's id",
  year: 'A calendar year, e.g. 2024',
  unitId: 'A reporting unit: an agency code (POLICE …), a district id (to 30/6/2025) or a commune-level unit id of 1/7/2025',
};

/** The SDL with the shared descriptions given to the field arguments that have none. */
export function describeArguments(document: DocumentNode): DocumentNode {
  return visit(document, {
    FieldDefinition(node) {
      if (!node.arguments?.some((arg) => !arg.description && ARGUMENT_DESCRIPTIONS[arg.name.value])) return undefined;
      return {
        ...node,
        arguments: node.arguments.map((arg) =>
          arg.description || !ARGUMENT_DESCRIPTIONS[arg.name.value]
            ? arg
            : { ...arg, description: { kind: Kind.STRING, value: ARGUMENT_DESCRIPTIONS[arg.name.value] } },
        ),
      };
    },
  });
}
