import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { redactSpan, tracingConfigured } from './telemetry';

/** A span as an instrumentation could record it, with everything that must not leave the process. */
const recorded = {
  name: 'POST',
  spanContext: () => ({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 }),
  attributes: {
    'http.request.method': 'GET',
    'url.path': '/graphql',
    'url.query': 'query=%7B+person(id%3A+%22079123456789%22)+%7B+name+%7D+%7D&variables=%7B%22cccd%22%3A%22079123456789%22%7D',
    'url.full': 'http://labour:4001/graphql?variables=%7B%22cccd%22%3A%22079123456789%22%7D',
    'http.request.header.authorization': ['Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl'],
    'graphql.variables.cccd': '079123456789',
    'db.postgresql.values': ['079123456789'],
    'db.query.text': 'SELECT "id" FROM "person" WHERE "cccd" = $1',
    'client.address': '203.0.113.7',
    'network.peer.address': '203.0.113.7',
    'network.peer.port': 51234,
    'user_agent.original': 'Mozilla/5.0',
    'http.response.status_code': 400,
  },
  events: [
    {
      name: 'exception',
      time: [0, 0],
      attributes: { 'exception.type': 'GraphQLError', 'exception.message': 'no person with CCCD 079123456789', 'exception.stacktrace': 'at …' },
    },
  ],
  status: { code: 2, message: 'no person with CCCD 079123456789' },
} as unknown as ReadableSpan;

test('an exported span keeps what it did and drops variables, SQL values, headers, the caller and error messages', () => {
  const span = redactSpan(recorded);
  expect(span.attributes).toEqual({
    'http.request.method': 'GET',
    'url.path': '/graphql',
    'url.query': 'query=REDACTED&variables=REDACTED',
    'url.full': 'http://labour:4001/graphql?variables=REDACTED',
    'db.query.text': 'SELECT "id" FROM "person" WHERE "cccd" = $1',
    'http.response.status_code': 400,
  });
  expect(span.events).toEqual([{ name: 'exception', time: [0, 0], attributes: { 'exception.type': 'GraphQLError' } }]);
  expect(span.status).toEqual({ code: 2 });
  // Still the same span for the exporter.
  expect(span.name).toBe('POST');
  expect(span.spanContext().spanId).toBe('00f067aa0ba902b7');
  expect(JSON.stringify({ a: span.attributes, e: span.events, s: span.status })).not.toMatch(/079123456789|Bearer|203\.0\.113\.7|Mozilla/);
});

test('tracing is on only with an OTLP endpoint, and OTEL_SDK_DISABLED turns it off', () => {
  expect(tracingConfigured({})).toBe(false);
  expect(tracingConfigured({ OTEL_SERVICE_NAME: 'labour' })).toBe(false);
  expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
  expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
  expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBe(false);
  expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
});
