import { randomUUID } from 'node:crypto';
import { GraphQLFormattedError } from 'graphql';

/** Error codes whose message is written for the caller and may be shown as is. */
const CALLER_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);
/** The only extensions a caller sees: a code, the field at fault, the failed service, and a correlation id. */
const CALLER_EXTENSIONS = ['code', 'field', 'service'];

/**
 * What reaches a client of the gateway: messages of caller errors, and for anything
 * else a generic message with a correlation id — never a stack trace, SQL, a
 * subgraph URL or a subgraph's response body. The original goes to the log under
 * the same id.
 */
export function maskError(formatted: GraphQLFormattedError, log: (line: string) => void = console.error): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const correlationId = randomUUID();
  if (CALLER_CODES.has(code)) {
    const extensions: Record<string, unknown> = { correlationId };
    for (const key of CALLER_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  log(`[${correlationId}] ${code}: ${formatted.message} ${JSON.stringify(formatted.extensions ?? {})}`);
  return {
    message: `Internal error; quote ${correlationId} when reporting it`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
  };
}
