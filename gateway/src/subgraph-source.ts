import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

/** Subgraph fetches per subgraph name, for tests that assert a query's plan and for diagnostics. */
export class FetchCounter {
  readonly counts = new Map<string, number>();
  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
  reset(): void {
    this.counts.clear();
  }
}

/**
 * The gateway's client for one subgraph. A subgraph that cannot be reached becomes a
 * GraphQL error that names the agency's service (never its URL), so the rest of the
 * query still answers.
 */
export class AgencySubgraphSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly name: string,
    url: string,
    private readonly counter: FetchCounter,
  ) {
    super({ url });
  }

  override async process(options: GraphQLDataSourceProcessOptions) {
    this.counter.add(this.name);
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions?.code !== 'SUBGRAPH_UNAVAILABLE' && error.extensions?.response) throw error;
      throw new GraphQLError(`The ${this.name} service is unavailable; its fields are missing from this answer`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.name },
      });
    }
  }
}
