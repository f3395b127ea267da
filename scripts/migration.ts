/**
 * Writes a TypeORM migration for the difference between a subgraph's entities and
 * its existing migrations: `npm run migration -- <subgraph> <Name>`.
 * Runs against a throwaway embedded PostgreSQL, so no server is needed.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataVersionSql, dropDataVersionSql, openDatabase, subgraphDataSource, SubgraphDefinition, UNVERSIONED_TABLES } from '@qn/common';
import { startEmbeddedPostgres } from '@qn/dev';
import { Query } from 'typeorm/driver/Query';
import { loadSubgraph } from './subgraphs';

async function main() {
  const [name, migrationName] = process.argv.slice(2);
  if (!name || !migrationName || !/^[A-Z][A-Za-z0-9]*$/.test(migrationName)) {
    throw new Error('usage: npm run migration -- <subgraph> <PascalCaseName>');
  }
  const definition: SubgraphDefinition<unknown> = loadSubgraph(name);
  const dir = mkdtempSync(path.join(tmpdir(), 'qn-migration-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 54000 + Math.floor(Math.random() * 1000), persistent: false });
  try {
    const dataSource = await openDatabase(subgraphDataSource(definition, server.url(`qn_${name}`)));
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (upQueries.length === 0) {
      console.log(`${name}: entities match the migrations; nothing to write`);
      return;
    }
    // Every new table results may be computed from gets its data version in the same migration (db/data-version.ts).
    const created = upQueries
      .map((q) => /^CREATE TABLE "([a-z_][a-z0-9_]*)"/.exec(q.query)?.[1])
      .filter((table): table is string => Boolean(table) && !UNVERSIONED_TABLES.includes(table!));
    if (created.length) {
      upQueries.push(...dataVersionSql(created).map((query) => new Query(query)));
      downQueries.push(
        ...dropDataVersionSql(created)
          .reverse()
          .map((query) => new Query(query)),
      );
    }
    const timestamp = Date.now();
    const quote = (q: { query: string; parameters?: unknown[] }) =>
      `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    const migrationsDir = path.resolve('subgraphs', name, 'src', 'db', 'migrations');
    await writeFormatted(
      path.join(migrationsDir, `${timestamp}-${migrationName}.ts`),
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${migrationName}${timestamp} implements MigrationInterface {
  name = '${migrationName}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${upQueries.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${downQueries.reverse().map(quote).join('\n')}
  }
}
`,
    );
    await writeMigrationIndex(migrationsDir);
    console.log(`${name}: wrote ${timestamp}-${migrationName}.ts (${upQueries.length} statements)`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes TypeScript as Prettier lays it out (the repository's style, checked in CI). */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = await prettier.resolveConfig(file);
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

/** migrations/index.ts lists every migration class in order. */
async function writeMigrationIndex(dir: string): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.*\.ts$/.test(f))
    .sort();
  const classes = files.map((f) => {
    const [timestamp, rest] = f.replace(/\.ts$/, '').split(/-(.*)/);
    return { file: f.replace(/\.ts$/, ''), className: `${rest}${timestamp}` };
  });
  await writeFormatted(
    path.join(dir, 'index.ts'),
    `${classes.map((c) => `import { ${c.className} } from './${c.file}';`).join('\n')}

/** Every schema change of this subgraph, oldest first. */
export const migrations = [${classes.map((c) => c.className).join(', ')}];
`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
