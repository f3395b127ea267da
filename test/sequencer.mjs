import path from 'node:path';
import { fileURLToPath } from 'node:url';
import TestSequencer from '@jest/test-sequencer';

/**
 * Files that spend most of their time in other processes (a release build and its install,
 * a generated agency checked by tsc, ESLint and a jest run of its own, a second PostgreSQL,
 * services started from their entry points, codegen and tsc) or hold thousands of cases,
 * and some are short: jest's guess for a file it has no duration for yet, its size, would
 * start those last and leave one worker busy alone at the end of the run.
 */
const SLOW = ['test/release.test.ts', 'test/new-agency.test.ts', 'test/access.test.ts', 'test/backup.test.ts', 'test/tracing.test.ts', 'test/clients.test.ts'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rank = (test) => {
  const at = SLOW.indexOf(path.relative(root, test.path));
  return test.duration == null && at >= 0 ? at : SLOW.length;
};

/**
 * Jest's order (failed first, then the longest known durations, then the largest files),
 * except that the files above start first while jest knows no duration for them (a fresh
 * clone); once it does, its own order keeps the longest first.
 */
export default class SlowFirst extends TestSequencer {
  sort(tests) {
    return super
      .sort(tests)
      .map((test, at) => ({ test, at }))
      .sort((a, b) => rank(a.test) - rank(b.test) || a.at - b.at)
      .map(({ test }) => test);
  }
}
