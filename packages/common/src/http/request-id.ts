import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller may send as a request id: short, printable, nothing a log line could be broken by. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** W3C Trace Context: version-traceid-parentid-flags; an all-zero trace id is invalid. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The id that follows one request through the gateway, every subgraph and the logs:
 * the caller's `x-request-id` when it is well-formed, else the trace id of its
 * `traceparent`, else a new one.
 */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = first(headers[REQUEST_ID_HEADER])?.trim();
  if (given && REQUEST_ID.test(given)) return given;
  const trace = TRACEPARENT.exec(first(headers.traceparent)?.trim().toLowerCase() ?? '');
  if (trace && !/^0+$/.test(trace[1])) return trace[1];
  return randomUUID();
}
