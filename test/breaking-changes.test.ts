import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print, visit } from 'graphql';
import { SUBGRAPHS } from '@qn/common';
import { breakingChanges, notAllowed } from '../scripts/breaking-changes';

/**
 * The breaking-change gate on the committed subgraph schemas, with one agency's change applied at a time.
 * Descriptions do not make a change breaking; without them each field prints on one line, for the edits below.
 */
const withoutDescriptions = (sdl: string) =>
  print(visit(parse(sdl), { enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }));
const committed = Object.fromEntries(
  SUBGRAPHS.map((name) => [name, withoutDescriptions(readFileSync(path.resolve(__dirname, '..', 'schema', 'subgraphs', `${name}.graphql`), 'utf8'))]),
);
const labourWith = (from: string, to: string) => {
  expect(committed.labour).toContain(from);
  return { ...committed, labour: committed.labour.replace(from, to) };
};
const REPORTS = 'reports(status: ReportStatus, unitId: ID, period: String): [Report!]!';

test('removing an argument clients use is a breaking change of the agency that removed it', async () => {
  const changes = await breakingChanges(committed, labourWith(REPORTS, 'reports(status: ReportStatus, unitId: ID): [Report!]!'));
  expect(changes).toEqual([expect.objectContaining({ subgraph: 'labour', type: 'FIELD_ARGUMENT_REMOVED', path: 'Query.reports.period' })]);
});

test('a new optional argument breaks nothing; a new required one does', async () => {
  expect(await breakingChanges(committed, labourWith(REPORTS, 'reports(status: ReportStatus, unitId: ID, period: String, revision: Int): [Report!]!'))).toEqual(
    [],
  );
  const required = await breakingChanges(
    committed,
    labourWith(REPORTS, 'reports(status: ReportStatus, unitId: ID, period: String, revision: Int!): [Report!]!'),
  );
  expect(required.map((change) => [change.subgraph, change.type, change.path])).toEqual([['labour', 'FIELD_ARGUMENT_ADDED', 'Query.reports.revision']]);
});

test('a listed change with a reason passes; the same change without a reason, or from another agency, does not', async () => {
  const changes = await breakingChanges(committed, labourWith(REPORTS, 'reports(status: ReportStatus, unitId: ID): [Report!]!'));
  const entry = { subgraph: 'labour', type: 'FIELD_ARGUMENT_REMOVED', path: 'Query.reports.period' };
  expect(notAllowed(changes, [{ ...entry, reason: 'periods are chosen by reportingPeriods now' }])).toEqual([]);
  expect(notAllowed(changes, [{ ...entry, reason: ' ' }])).toHaveLength(1);
  expect(notAllowed(changes, [{ ...entry, subgraph: 'police', reason: 'not this one' }])).toHaveLength(1);
});

test('the committed schemas compared with themselves have no change', async () => {
  expect(await breakingChanges(committed, committed)).toEqual([]);
});

test('a change every agency must make together (a shared type) is judged as one change under all their names', async () => {
  // TaskProgress is @shareable: its count can change type only in every subgraph at once,
  // so no subgraph's change composes with the others' old schemas.
  const retype = (sdl: string) => sdl.replace(/(type TaskProgress\b[^{]*\{[^}]*?\bcount: )Int!/, '$1Float!');
  const after = Object.fromEntries(Object.entries(committed).map(([name, sdl]) => [name, retype(sdl)]));
  expect(Object.keys(after).filter((name) => after[name] !== committed[name])).toEqual([...SUBGRAPHS]);
  const changes = await breakingChanges(committed, after);
  expect(changes.map((change) => [change.subgraph, change.type, change.path])).toEqual([[SUBGRAPHS.join('+'), 'FIELD_TYPE_CHANGED', 'TaskProgress.count']]);
  // An allow-file entry of any agency that took part covers the joint change; one of an agency outside it does not.
  const entry = { type: 'FIELD_TYPE_CHANGED', path: 'TaskProgress.count', reason: 'counts of money are not whole numbers' };
  expect(notAllowed(changes, [{ ...entry, subgraph: 'labour' }])).toEqual([]);
  expect(notAllowed(changes, [{ ...entry, subgraph: 'culture' }])).toHaveLength(1);
});
