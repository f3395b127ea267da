/**
 * graphql-codegen for clients of the gateway: TypeScript types of the schema clients see
 * (schema/client.graphql) and of the IDE's saved operations. `npx graphql-codegen`
 * writes clients/generated/graphql.ts (not committed; test/clients.test.ts type-checks it).
 */
const config = {
  overwrite: true,
  schema: 'schema/client.graphql',
  documents: 'gateway/src/ide/operations/*.graphql',
  generates: {
    [process.env.CODEGEN_OUT ?? 'clients/generated/graphql.ts']: {
      plugins: ['typescript-operations'],
      config: {
        // Dates travel as ISO strings: LocalDate is YYYY-MM-DD, DateTimeISO an RFC 3339 instant.
        scalars: { LocalDate: 'string', DateTimeISO: 'string' },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false },
      },
    },
  },
};

export default config;
