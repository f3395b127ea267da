/**
 * The breaking-change gate of the client schema (`npm run breaking-changes`, run by .ci/run).
 *
 * Each agency's subgraph is composed with the others as they were before its change, and
 * the client schema that results is compared with the one before (@graphql-inspector/core),
 * so a breaking change is reported against the agency that made it. A breaking change fails
 * unless schema/breaking-changes-allowed.json lists it (subgraph, type, path) with a reason.
 *
 *   --base <ref>   compare the working tree's code with <ref>'s committed schemas
 *                  (default on a branch: its merge base with main)
 *   --history      check every commit since the client schema was first committed, each
 *                  against its parent's committed schemas (what CI runs on a clone of main)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { clientSchemaOf, composeSupergraph, DEFAULT_PORTS, SUBGRAPHS, SubgraphName } from '@qn/common';

const root = path.resolve(__dirname, '..');
export const ALLOW_FILE = path.join('schema', 'breaking-changes-allowed.json');

export interface BreakingChange {
  subgraph: string;
  type: string;
  path: string;
  message: string;
}

export interface AllowedChange {
  subgraph: string;
  type: string;
  path: string;
  reason: string;
}

type Sdls = Record<string, string>;

function compose(sdls: Sdls): string {
  return clientSchemaOf(
    composeSupergraph(
      Object.entries(sdls).map(([name, sdl]) => ({
        name,
        sdl,
        url: `http://localhost:${DEFAULT_PORTS[name as SubgraphName] ?? 4100}/graphql`,
      })),
    ),
  );
}

/**
 * The breaking changes each changed subgraph makes to the client schema: that subgraph's new
 * SDL composed with every other subgraph's old one, compared with the old client schema.
 */
export async function breakingChanges(before: Sdls, after: Sdls): Promise<BreakingChange[]> {
  const oldClient = buildSchema(compose(before));
  const found: BreakingChange[] = [];
  const collect = async (subgraph: string, changed: string) => {
    for (const change of await diff(oldClient, buildSchema(changed))) {
      if (change.criticality.level !== CriticalityLevel.Breaking) continue;
      found.push({ subgraph, type: change.type, path: change.path ?? '', message: change.message });
    }
  };
  const changedNames = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]);
  const joint: string[] = [];
  for (const name of changedNames) {
    const next = { ...before, [name]: after[name] };
    // A subgraph that is gone takes its fields with it.
    if (after[name] === undefined) delete next[name];
    let composed: string;
    try {
      composed = compose(next);
    } catch {
      // Its change composes only with another subgraph's change of the same commit: judged together below.
      joint.push(name);
      continue;
    }
    await collect(name, composed);
  }
  if (joint.length) await collect(joint.join('+'), compose(after));
  return found;
}

/**
 * The changes no entry of the allow-file covers. An entry names the agency that made the
 * change; a change judged jointly ("labour+police") is covered by an entry of any agency in it,
 * since the agencies made it together.
 */
export function notAllowed(changes: BreakingChange[], allowed: AllowedChange[]): BreakingChange[] {
  return changes.filter(
    (change) => !allowed.some((a) => change.subgraph.split('+').includes(a.subgraph) && a.type === change.type && a.path === change.path && a.reason?.trim()),
  );
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function committedSdls(ref: string): Sdls {
  const sdls: Sdls = {};
  for (const file of git('ls-tree', '--name-only', `${ref}:schema/subgraphs`)
    .split('\n')
    .filter((f) => f.endsWith('.graphql'))) {
    sdls[file.replace(/\.graphql$/, '')] = git('show', `${ref}:schema/subgraphs/${file}`);
  }
  return sdls;
}

async function codeSdls(): Promise<Sdls> {
  const { generateSchemas } = await import('./schema');
  const files = await generateSchemas();
  return Object.fromEntries(SUBGRAPHS.map((name) => [name, files.get(path.join('schema', 'subgraphs', `${name}.graphql`))!.trim()]));
}

function report(label: string, changes: BreakingChange[]): void {
  for (const change of changes) console.error(`${label}: ${change.subgraph} breaks clients: ${change.message} [${change.type} ${change.path}]`);
}

async function main() {
  const { values } = parseArgs({ options: { base: { type: 'string' }, history: { type: 'boolean', default: false } } });
  const allowed = JSON.parse(readFileSync(path.join(root, ALLOW_FILE), 'utf8')) as AllowedChange[];
  const refused: BreakingChange[] = [];
  let checked = 0;
  if (values.history) {
    if (git('rev-parse', '--is-shallow-repository') === 'true') throw new Error('--history needs the whole history (git fetch --unshallow)');
    const start = git('log', '--diff-filter=A', '--format=%H', '--', 'schema/client.graphql').split('\n').pop();
    if (!start) throw new Error('schema/client.graphql was never committed');
    const commits = git('rev-list', '--no-merges', '--reverse', `${start}..HEAD`, '--', 'schema/subgraphs').split('\n').filter(Boolean);
    for (const commit of commits) {
      const label = git('log', '-1', '--format=%h %s', commit).slice(0, 90);
      let found: BreakingChange[];
      try {
        found = await breakingChanges(committedSdls(`${commit}^`), committedSdls(commit));
      } catch (error) {
        // A commit inside a branch whose committed schemas did not compose; its branch's later commits are checked.
        console.warn(`${label}: skipped, its committed schemas do not compose (${error instanceof Error ? error.message.split('\n')[0] : error})`);
        continue;
      }
      const changes = notAllowed(found, allowed);
      report(label, changes);
      refused.push(...changes);
      checked += 1;
    }
  } else {
    const base = values.base ?? git('merge-base', 'HEAD', 'main');
    const changes = notAllowed(await breakingChanges(committedSdls(base), await codeSdls()), allowed);
    report(`against ${base.slice(0, 10)}`, changes);
    refused.push(...changes);
    checked = 1;
  }
  if (refused.length) {
    console.error(`${refused.length} breaking change(s) of the client schema; list each in ${ALLOW_FILE} with a reason if it is meant`);
    process.exit(1);
  }
  console.log(`client schema: no unlisted breaking change (${checked} ${values.history ? 'commits' : 'comparison'} checked)`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
