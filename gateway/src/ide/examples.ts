import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Saved operations the IDE opens with: the README's dashboard and one report cycle. */
export interface IdeExample {
  query: string;
  variables?: string;
}

/** The operations are .graphql files, so codegen.ts types them against schema/client.graphql too. */
export const OPERATIONS_DIR = path.join(__dirname, 'operations');

const operation = (file: string) => readFileSync(path.join(OPERATIONS_DIR, file), 'utf8');

export const IDE_EXAMPLES: IdeExample[] = [
  { query: operation('dashboard.graphql') },
  { query: operation('report-cycle.graphql'), variables: '{ "period": "2024Q3", "id": "<id from OpenDrafts>", "version": 1 }' },
];
