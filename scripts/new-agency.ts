/**
 * Writes a new agency's subgraph from scripts/templates/agency and wires it in:
 * `npm run new-agency -- culture [--agency CULTURE] [--port 4006] [--skip-install]`.
 *
 * It writes subgraphs/<name>/ (one record type, its resolver, loaders, reference
 * resolver, a generated Init migration and a test), adds the subgraph to SUBGRAPHS and
 * DEFAULT_PORTS (so `npm start`, the tests and the scripts see it), adds its service to
 * docker-compose.yml and the Kubernetes manifests, regenerates schema/ (its SDL, the
 * supergraph, the client schema) and runs `npm install` to link the workspace. What it
 * cannot do is printed at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(__dirname, '..');
const TEMPLATES = path.join(__dirname, 'templates', 'agency');

/** Where each template goes inside subgraphs/<name>/. */
const FILES: Record<string, string> = {
  'package.json.tmpl': 'package.json',
  'tsconfig.json.tmpl': 'tsconfig.json',
  'index.ts.tmpl': 'src/index.ts',
  'server.ts.tmpl': 'src/server.ts',
  'schema.ts.tmpl': 'src/schema.ts',
  'loaders.ts.tmpl': 'src/loaders/index.ts',
  'entity.ts.tmpl': 'src/entities/__name__-activity.ts',
  'input.ts.tmpl': 'src/resolvers/types/__name__-activity.input.ts',
  'reference.ts.tmpl': 'src/resolvers/__name__-activity.reference.ts',
  'resolver.ts.tmpl': 'src/resolvers/__name__-activity.resolver.ts',
  'migrations-index.ts.tmpl': 'src/db/migrations/index.ts',
  'test.ts.tmpl': 'test/__name__.test.ts',
};

function fill(text: string, names: { name: string; Name: string; AGENCY: string }): string {
  return text
    .replace(/__name__/g, names.name)
    .replace(/__Name__/g, names.Name)
    .replace(/__AGENCY__/g, names.AGENCY);
}

function edit(file: string, change: (text: string) => string): void {
  const full = path.join(root, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`${file}: the place to add the new agency was not found`);
  writeFileSync(full, after);
}

function insertBefore(marker: string, text: string) {
  return (source: string) => {
    const at = source.indexOf(marker);
    if (at < 0) return source;
    const lineStart = source.lastIndexOf('\n', at) + 1;
    return `${source.slice(0, lineStart)}${text}${source.slice(lineStart)}`;
  };
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { agency: { type: 'string' }, port: { type: 'string' }, 'skip-install': { type: 'boolean', default: false } },
  });
  const name = positionals[0];
  if (!name || !/^[a-z][a-z]{1,20}$/.test(name))
    throw new Error('usage: npm run new-agency -- <name, lower-case letters> [--agency CODE] [--port N] [--skip-install]');
  if (existsSync(path.join(root, 'subgraphs', name))) throw new Error(`subgraphs/${name} exists already`);
  const configFile = path.join('packages', 'common', 'src', 'config.ts');
  const config = readFileSync(path.join(root, configFile), 'utf8');
  const ports = [...config.matchAll(/^\s+[a-z]+: (\d{4,5}),$/gm)].map((m) => Number(m[1]));
  const port = values.port ? Number(values.port) : Math.max(...ports) + 1;
  const names = { name, Name: name[0].toUpperCase() + name.slice(1), AGENCY: values.agency ?? name.toUpperCase() };
  const done: string[] = [];

  for (const [template, target] of Object.entries(FILES)) {
    const file = path.join(root, 'subgraphs', name, fill(target, names));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, fill(readFileSync(path.join(TEMPLATES, template), 'utf8'), names));
  }
  done.push(`wrote subgraphs/${name}/ (${Object.keys(FILES).length} files)`);

  edit(configFile, (text) =>
    text
      .replace(/(export const SUBGRAPHS = \[[^\]]*?)\] as const;/, `$1, '${name}'] as const;`)
      .replace(/(export const DEFAULT_PORTS[^{]*\{[^}]*?)(\n\};)/, `$1\n  ${name}: ${port},$2`),
  );
  done.push(`${configFile}: '${name}' in SUBGRAPHS, port ${port} in DEFAULT_PORTS (npm start, the tests and every script follow these)`);

  edit('eslint.config.mjs', (text) => text.replace(/(const SUBGRAPHS = \[[^\]]*?)\];/, `$1, '${name}'];`));
  edit('CODEOWNERS', (text) => `${text.trimEnd()}\n/subgraphs/${name}/${' '.repeat(Math.max(1, 26 - name.length))}@qn-graph/${name}\n`);
  done.push('eslint.config.mjs (the subgraph is kept apart from the others) and CODEOWNERS');

  const NAME = name.toUpperCase();
  // Its service role's URL, given to the migrate job (which makes the role) and to its service alone.
  const serviceDatabaseUrl = `postgres://qn_${name}_service:\${${NAME}_SERVICE_DATABASE_PASSWORD:?set ${NAME}_SERVICE_DATABASE_PASSWORD (npm run -s keys)}@postgres:5432/qn_${name}`;
  edit('docker-compose.yml', (text) =>
    [
      insertBefore(
        '# new-agency: subgraph services above',
        `  ${name}:
    <<: *service
    command: ["node", "subgraphs/${name}/src/index.js"]
    environment:
      <<: *subgraph-env
      ${NAME}_SERVICE_DATABASE_URL: ${serviceDatabaseUrl}
      ${NAME}_PORT: "${port}"
      PROBE_PORT: "${port}"
      QN_SERVICE_PRIVATE_KEY: \${${NAME}_SERVICE_PRIVATE_KEY:?set ${NAME}_SERVICE_PRIVATE_KEY (npm run -s keys)}
    depends_on: *migrated
    healthcheck: *ready

`,
      ),
      insertBefore(
        '# new-agency: migrate databases above',
        `      ${NAME}_DATABASE_URL: postgres://qn_${name}:\${${NAME}_DATABASE_PASSWORD:?set ${NAME}_DATABASE_PASSWORD (npm run -s keys)}@postgres:5432/qn_${name}
      ${NAME}_SERVICE_DATABASE_URL: ${serviceDatabaseUrl}
`,
      ),
      insertBefore('# new-agency: gateway subgraph URLs above', `      ${NAME}_URL: http://${name}:${port}/graphql\n`),
      insertBefore('# new-agency: gateway dependencies above', `      ${name}:\n        condition: service_healthy\n`),
    ].reduce((acc, change) => change(acc), text),
  );
  done.push("docker-compose.yml: its service, healthcheck, its database in the migrate job, and the gateway's URL and dependency");

  const k8sTemplate = path.join(root, 'deploy', 'k8s', 'information.yaml');
  if (existsSync(k8sTemplate)) {
    const manifest = readFileSync(k8sTemplate, 'utf8')
      .replace(/information/g, name)
      .replace(/INFORMATION/g, NAME)
      .replace(/\b4005\b/g, String(port));
    writeFileSync(path.join(root, 'deploy', 'k8s', `${name}.yaml`), manifest);
    edit(
      path.join('deploy', 'k8s', 'gateway.yaml'),
      insertBefore('# new-agency: gateway subgraph URLs above', `            - { name: ${NAME}_URL, value: "http://${name}:${port}/graphql" }\n`),
    );
    edit(path.join('deploy', 'k8s', 'kustomization.yaml'), insertBefore('# new-agency: resources above', `  - ${name}.yaml\n`));
    done.push(`deploy/k8s/${name}.yaml (its Deployment, Service and database) and the gateway's URL`);
  }

  if (!values['skip-install']) {
    run('npm', ['install', '--no-audit', '--no-fund']);
    done.push('npm install: the workspace @qn/' + name + ' is linked and package-lock.json updated');
  }
  run(process.execPath, ['-r', '@swc-node/register', 'scripts/migration.ts', name, 'Init']);
  done.push(`subgraphs/${name}/src/db/migrations: an Init migration generated from the entities`);
  run(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', '--log-level', 'warn', `subgraphs/${name}`, configFile, 'eslint.config.mjs']);
  done.push(`subgraphs/${name} and the files it edited laid out by Prettier (npm run format:check)`);
  run(process.execPath, ['-r', '@swc-node/register', 'scripts/schema.ts']);
  done.push(`schema/: subgraphs/${name}.graphql, supergraph.graphql and client.graphql regenerated (composition succeeded)`);

  console.log(`\nDone:\n${done.map((line) => `  - ${line}`).join('\n')}
\nLeft to you (a new agency's own decisions):
  - Replace ${names.Name}Activity with the agency's records (then: npm run migration -- ${name} <Name>; npm run schema).
  - Its indicators and tasks are still computed by labour's registry: to compute them here, name the
    concrete types in labour's catalogue (INDICATOR_TYPE_BY_SUBGRAPH, TASK_TYPE_BY_SUBGRAPH, the
    ${names.Name}Indicator/${names.Name}Task classes and the owner subgraph in catalogue/data/*.json) and use
    agencyIndicator/agencyTask in subgraphs/${name}/src/schema.ts as information does.
  - Record-level access: recordOwners is ['${names.AGENCY}']; check docs/security.md for what it may see.
  - Generated data for npm start and the tests (src/db/sample-data.ts exporting generateSampleData, built on @qn/dev), the owners' team in CODEOWNERS, README's architecture
    table and docs/architecture.md.
  - Secrets: its own private key for its calls to other subgraphs (npm start and the tests make one;
    for docker compose and Kubernetes, ${NAME}_SERVICE_PRIVATE_KEY and its public key in QN_SERVICE_PUBLIC_KEYS:
    npm run -s keys prints a set with it), its database passwords (${NAME}_DATABASE_PASSWORD,
    ${NAME}_SERVICE_DATABASE_PASSWORD, and on Kubernetes ${NAME}_POSTGRES_PASSWORD: npm run -s keys prints
    them too), and a data key if it stores personal data (see personal-data.ts).
  - Run: npx jest subgraphs/${name}/test; npm run breaking-changes.`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
