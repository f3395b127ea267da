import type { Attributes } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, Sampler, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace-node';
import type { SubgraphDefinition } from './server';

/**
 * OpenTelemetry traces of one service, the gateway's and every subgraph's alike: on
 * when `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set
 * (and `OTEL_SDK_DISABLED` is not `true`), off otherwise. Off, no OpenTelemetry module
 * is even loaded. On, spans go by OTLP over HTTP (JSON bodies) to that endpoint:
 * incoming and outgoing HTTP (the gateway's fetches to subgraphs, a subgraph's calls to
 * another agency), GraphQL parse, validate and execute, SQL statements, and the
 * gateway's own planning and fetch spans. The W3C `traceparent` goes with every call, so
 * one client request is one trace across processes.
 *
 * What a span never carries (redactSpan, applied to every span before export): GraphQL
 * variables or literal values, SQL parameter values, HTTP headers (Authorization and
 * the internal identity token among them), query-string values, the caller's address
 * and user agent, and error messages (they may quote an input value): an error keeps
 * its type and status code only.
 *
 * Instrumentation patches modules as they are loaded, so a service starts tracing
 * before its own code is loaded: every entry point goes through `startService`.
 */

let running: { shutdown(): Promise<void>; traceId(): string | undefined } | undefined;

/** Whether the environment asks for traces. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim());
}

/** Requests that are not work: probes and scrapes make no traces. */
const PROBES = new Set(['/health', '/ready', '/metrics']);
const isProbe = (path: string | undefined) => PROBES.has((path ?? '').split('?')[0]);

/** Attributes that may hold what a caller sent or who the caller is. */
const DROPPED = [
  /^graphql\.variables\./,
  /^db\.postgresql\.values$/,
  /^http\.(request|response)\.header\./,
  /^client\.address$/,
  /^client\.port$/,
  /^network\.peer\.(address|port)$/,
  /^user_agent\./,
  /^enduser\./,
];

/** `a=1&b=2` as `a=REDACTED&b=REDACTED`: which parameters, not their values. */
function redactQuery(query: string): string {
  return [...new URLSearchParams(query).keys()].map((key) => `${encodeURIComponent(key)}=REDACTED`).join('&');
}

function redactAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (DROPPED.some((pattern) => pattern.test(key))) continue;
    if (key === 'url.query' && typeof value === 'string') kept[key] = redactQuery(value);
    else if ((key === 'url.full' || key === 'http.url' || key === 'http.target') && typeof value === 'string' && value.includes('?')) {
      const at = value.indexOf('?');
      kept[key] = `${value.slice(0, at)}?${redactQuery(value.slice(at + 1))}`;
    } else kept[key] = value;
  }
  return kept;
}

/** An error event keeps its type only: messages and stack traces may quote an input value. */
function redactEvent(event: TimedEvent): TimedEvent {
  if (event.name !== 'exception') return { ...event, attributes: event.attributes && redactAttributes(event.attributes) };
  const type = event.attributes?.['exception.type'];
  return { ...event, attributes: type === undefined ? {} : { 'exception.type': type } };
}

/** The span as exported: the same span without anything listed in this module's comment. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    attributes: { value: redactAttributes(span.attributes), enumerable: true },
    events: { value: span.events.map(redactEvent), enumerable: true },
    status: { value: { code: span.status.code }, enumerable: true },
  }) as ReadableSpan;
}

/** The OTLP exporter behind redactSpan. */
class RedactingExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans.map(redactSpan), done);
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/**
 * Starts tracing for `service` when the environment asks for it (see above); its
 * `service.name` is `service` unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say
 * otherwise. The exporter and the batching read the standard OTEL_EXPORTER_OTLP_* and
 * OTEL_BSP_* variables. Every request is traced unless its caller's traceparent says it
 * is not sampled; sampling further is the collector's business.
 */
export async function startTelemetry(service: string): Promise<boolean> {
  if (running) return true;
  if (!tracingConfigured()) return false;
  const [
    api,
    { NodeTracerProvider, BatchSpanProcessor, ParentBasedSampler, SamplingDecision },
    { OTLPTraceExporter },
    resources,
    { registerInstrumentations },
    http,
    undici,
    pg,
    graphql,
  ] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-undici'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-graphql'),
  ]);
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': service }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  // A trace starts where a service receives a request; work of its own (building the
  // schema at start, background jobs) starts none. A caller's traceparent decides for its request.
  const requestsOnly: Sampler = {
    shouldSample: (_context, _traceId, _name, kind) => ({
      decision: kind === api.SpanKind.SERVER ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
    }),
    toString: () => 'RequestsOnly',
  };
  const provider = new NodeTracerProvider({
    resource,
    sampler: new ParentBasedSampler({ root: requestsOnly }),
    spanProcessors: [new BatchSpanProcessor(new RedactingExporter(new OTLPTraceExporter()))],
  });
  // W3C trace context (and baggage) in and out, context kept across async calls.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new http.HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => isProbe(request.url),
        ignoreOutgoingRequestHook: (request) => isProbe(request.path ?? undefined),
      }),
      // Node's fetch: the gateway's subgraph fetches and the subgraphs' cross-agency calls.
      new undici.UndiciInstrumentation({ ignoreRequestHook: (request) => isProbe(request.path) }),
      // Statement text only: parameter values are recorded only with enhancedDatabaseReporting, left off.
      new pg.PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      // Parse, validate and execute; no span per resolved field, literal values replaced by '*'.
      new graphql.GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true, mergeItems: true }),
    ],
  });
  running = {
    shutdown: () => provider.shutdown(),
    traceId: () => api.trace.getActiveSpan()?.spanContext().traceId,
  };
  return true;
}

/** Sends the spans still buffered and stops tracing; nothing to do when it is off. */
export async function stopTelemetry(): Promise<void> {
  const stopping = running;
  running = undefined;
  await stopping?.shutdown();
}

/** The trace id of the span being served, when tracing is on. */
export function activeTraceId(): string | undefined {
  return running?.traceId();
}

/**
 * The entry point of every service process: tracing first (when configured), then the
 * service's code, loaded by `load`. A failure to start stops the process.
 */
export function startService(service: string, load: () => Promise<unknown>): void {
  startTelemetry(service)
    .then(load)
    .catch((error) => {
      console.error(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}

/** A subgraph's entry point: `runSubgraph('police', async () => (await import('./server')).police)`. */
export function runSubgraph<L>(service: string, load: () => Promise<SubgraphDefinition<L>>): void {
  startService(service, async () => {
    const [{ runSubgraphFromEnv }, definition] = await Promise.all([import('./run'), load()]);
    runSubgraphFromEnv(definition);
  });
}
