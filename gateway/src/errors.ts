import { randomUUID } from 'node:crypto';
import { GraphQLFormattedError } from 'graphql';
import { currentRequestId } from '@qn/common';

/** Error codes whose message is written for the caller and may be shown as is. */
const CALLER_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'COST_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'RESPONSE_TOO_LARGE',
  'REQUEST_TIMEOUT',
]);
/**
 * The only extensions a caller sees: a code, the field at fault, the failed service, a
 * correlation id, and `problems` (an import's or a submission's problems: row or rule, field, message).
 */
const CALLER_EXTENSIONS = ['field', 'service', 'problems'];

/**
 * What reaches a client of the gateway: messages of caller errors, and for anything
 * else a generic message with a correlation id — never a stack trace, SQL, a
 * subgraph URL or a subgraph's response body. The original goes to the log under
 * the same id.
 */
export function maskError(formatted: GraphQLFormattedError, original?: unknown, log: (line: string) => void = console.error): GraphQLFormattedError {
  let code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  // Apollo Server's own refusals of a malformed request (a persisted-query hash that does
  // not match its query) carry HTTP 400 and no code: they are the caller's.
  const originalExtensions = (original as { extensions?: { code?: unknown; http?: { status?: number } } } | undefined)?.extensions;
  if (code === 'INTERNAL_SERVER_ERROR' && originalExtensions?.http?.status === 400 && originalExtensions.code === undefined) code = 'BAD_REQUEST';
  if (code === 'GRAPHQL_PARSE_FAILED' && /more th\w+ \d+ tokens/.test(formatted.message)) {
    // The parser's message names the token limit, which is not told to the caller.
    formatted = { ...formatted, message: 'Syntax Error: the document is too long; send a shorter query' };
  }
  // The request's id: the caller's x-request-id when sent, the id the subgraphs log.
  const correlationId = currentRequestId() ?? randomUUID();
  if (CALLER_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code, correlationId };
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
