import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { Identity, IDENTITY_HEADER, InternalKey, signGatewayToken } from '@qn/common';
import { GraphQLError } from 'graphql';
import type { FetcherResponse } from '@apollo/utils.fetcher';

/** What a caller is told of a subgraph that could not be reached or did not answer in time: its service, never its URL. */
export function unavailable(service: string): GraphQLError {
  return new GraphQLError(`The ${service} service is unavailable; its fields are missing from this answer`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', service },
  });
}

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
export interface GatewayContext {
  /** The caller the gateway verified; each subgraph fetch carries a token signed for that subgraph and this request. */
  identity: Identity;
  requestId: string;
}

export class AgencySubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly name: string,
    url: string,
    private readonly counter: FetchCounter,
    timeoutMs: number,
    /** The gateway's own private key (QN_GATEWAY_PRIVATE_KEY); the subgraphs hold only its public key. */
    private readonly signingKey: InternalKey,
  ) {
    // Every fetch gives up after `timeoutMs`: a stalled subgraph costs its own fields, not the gateway.
    super({ url, fetcher: (input, init) => fetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) }) as never });
  }

  override async willSendRequest({
    request,
    context,
  }: {
    request: { http?: { headers: { set(name: string, value: string): void } } };
    context: Partial<GatewayContext>;
  }) {
    if (!context.identity || !context.requestId) return;
    // A token for this subgraph alone (its audience) and this request alone (its id), living 15 seconds.
    request.http?.headers.set(
      IDENTITY_HEADER,
      await signGatewayToken(context.identity, { audience: this.name, requestId: context.requestId }, this.signingKey),
    );
    request.http?.headers.set('x-request-id', context.requestId);
  }

  /**
   * A subgraph that refuses a whole request (HTTP 400/401: an invalid variable, a
   * missing identity) answers with GraphQL errors meant for the caller; pass those on
   * with their code rather than as an opaque HTTP failure.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
    const first = body?.errors?.[0];
    if (first && typeof first.extensions?.code === 'string' && first.extensions.code !== 'INTERNAL_SERVER_ERROR') {
      return new GraphQLError(first.message, { extensions: { code: first.extensions.code, field: first.extensions.field } });
    }
    return super.errorFromResponse(response);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    this.counter.add(this.name);
    try {
      return await super.process(options);
    } catch (error) {
      // The subgraph answered (with an error of its own): not an outage.
      if (error instanceof GraphQLError) throw error;
      throw unavailable(this.name);
    }
  }
}
