import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { activeTraceId } from '../telemetry';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a caller may send as a request id: short, printable, nothing a log line could be
 * broken by, and no longer than the audit log's `request_id` column (60).
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,60}$/;
/** W3C Trace Context: version-traceid-parentid-flags; an all-zero trace id is invalid. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The id that follows one request through the gateway, every subgraph and the logs:
 * the caller's `x-request-id` when it is well-formed, else the trace id of its
 * `traceparent`, else a new one. With tracing on, "a new one" is the id of the trace
 * the request starts, so without an `x-request-id` the request id is always its trace id.
 */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = first(headers[REQUEST_ID_HEADER])?.trim();
  if (given && REQUEST_ID.test(given)) return given;
  // The server span, when tracing is on, has the traceparent's trace id or a new one.
  const traced = activeTraceId();
  if (traced && !/^0+$/.test(traced)) return traced;
  const trace = TRACEPARENT.exec(first(headers.traceparent)?.trim().toLowerCase() ?? '');
  if (trace && !/^0+$/.test(trace[1])) return trace[1];
  return randomUUID();
}

/** The id of the request being served, for code that has no context at hand (the gateway's error masking). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
