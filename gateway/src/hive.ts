import { createHash } from 'node:crypto';
import http, { ServerResponse } from 'node:http';
import bodyParser from 'body-parser';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { ApolloServer, HeaderMap } from '@apollo/server';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import {
  answerFailedRequest,
  createLogger,
  gatewaySigningKey,
  HostedRequest,
  IDENTITY_HEADER,
  Logger,
  REQUEST_ID_HEADER,
  requestIdFrom,
  requestScope,
  sendJson,
  ServiceMetrics,
  signGatewayToken,
} from '@qn/common';
import { authenticate } from './auth';
import { GatewayConfig } from './config';
import { downloadRoutes } from './downloads';
import { maskError } from './errors';
import { queryExportRoute } from './export';
import { supergraphForHive } from './hive-supergraph';
import { ideRoutes } from './ide/page';
import { ARMOR_LIMITS, CallerRateLimit, checkArguments, checkCost, DEFAULT_LIMITS, GatewayLimits } from './limits';
import type { RunningGateway } from './server';
import { subgraphsReadiness } from './readiness';
import { FetchCounter, GatewayContext, unavailable } from './subgraph-source';

/**
 * The levels of LOG_LEVEL both pino and Hive Gateway's logger accept. Hive's (@graphql-hive/logger
 * 1.1) reads LOG_LEVEL at every child logger and throws on any other value, pino's `silent` and
 * `fatal` included (and on `false`, which its own message offers). Its own logs are off here
 * (`logging: false`): the gateway logs each request as the Apollo runtime does.
 */
const HIVE_LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];

/** What each request's context carries on Hive Gateway, beside Hive's own. */
type HiveContext = GatewayContext & { req?: HostedRequest };

function refusal(code: string, message: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * The caller (the same `authenticate` as the Apollo runtime), the per-caller rate, and the
 * checks of limits.ts before any subgraph is asked; the answer-size cap after.
 */
function gatewayRules(config: GatewayConfig, limits: GatewayLimits, logger: Logger): GatewayPlugin<HiveContext> {
  const rate = new CallerRateLimit(limits.requestsPerSecond);
  return {
    onParse({ setParseFn }) {
      // The document's tokens are counted by the parser, as Apollo Server does (parseOptions).
      setParseFn((source, options) => parse(source, { ...options, maxTokens: limits.maxTokens }));
    },
    onValidate() {
      // Yoga passes validation errors through unmasked: they get their code and correlation id here,
      // GRAPHQL_VALIDATION_FAILED whatever the rule reported (graphql-armor's say BAD_USER_INPUT), as on Apollo Server.
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((error) => masked(validationError(error))));
      };
    },
    async onContextBuilding({ context, extendContext }) {
      const req = (context as HiveContext).req;
      const identity = await authenticate(context.request.headers.get('authorization') ?? undefined, config.auth);
      await rate.take(identity.roles.length ? `sub:${identity.subject}` : `ip:${req?.socket.remoteAddress ?? ''}`);
      extendContext({ identity, requestId: req?.requestId ?? requestIdFrom({}) } as Partial<HiveContext>);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              args.operationName
                ? `the document has no operation named '${args.operationName}'`
                : 'the document has several operations: name one in operationName',
              { extensions: { code: 'BAD_REQUEST', field: 'operationName', http: { status: 400 } } },
            ),
          ],
        });
        return;
      }
      try {
        const variables = (args.variableValues ?? undefined) as Record<string, unknown> | undefined;
        checkArguments(args.schema, args.document, operation, variables, limits);
        checkCost(args.schema, args.document, variables, args.operationName, limits);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in result) return;
          const size = Buffer.byteLength(JSON.stringify(result));
          if (size <= limits.maxResponseBytes) return;
          const requestId = (args.contextValue as HiveContext).requestId;
          logger.warn({ requestId, bytes: size }, 'answer refused: larger than the response limit');
          setResult({ errors: [refusal('RESPONSE_TOO_LARGE', 'the answer is too large; ask for fewer fields or smaller pages', 400)] });
        },
      };
    },
  };
}

/**
 * Each subgraph fetch: counted, given up after `subgraphTimeoutMs`, and carrying the caller's
 * identity as a token signed for that subgraph and this request (as AgencySubgraphSource does
 * on @apollo/gateway). A subgraph that cannot be reached answers, to the planner, with a
 * SUBGRAPH_UNAVAILABLE error naming its service: the rest of the query still answers.
 */
function subgraphFetches(
  config: GatewayConfig,
  limits: GatewayLimits,
  fetches: FetchCounter,
  signingKey: Awaited<ReturnType<typeof gatewaySigningKey>>,
): GatewayPlugin<HiveContext> {
  const byUrl = Object.entries(config.subgraphUrls).map(([name, url]) => [new URL(url).href, name] as const);
  const nameOf = (url: string) => byUrl.find(([base]) => url.startsWith(base) || `${url}/` === base)?.[1];
  return {
    async onFetch({ url, options, setOptions, fetchFn, setFetchFn, context }) {
      const name = nameOf(url);
      if (!name) return;
      fetches.add(name);
      const { identity, requestId } = context as Partial<HiveContext>;
      if (identity && requestId) {
        const token = await signGatewayToken(identity, { audience: name, requestId }, signingKey);
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [IDENTITY_HEADER]: token, [REQUEST_ID_HEADER]: requestId } });
      }
      setFetchFn(async (input, init, ...rest) => {
        const signal = init?.signal
          ? AbortSignal.any([init.signal, AbortSignal.timeout(limits.subgraphTimeoutMs)])
          : AbortSignal.timeout(limits.subgraphTimeoutMs);
        try {
          return await fetchFn(input, { ...init, signal }, ...rest);
        } catch {
          const error = unavailable(name);
          return Response.json({ data: null, errors: [{ message: error.message, extensions: error.extensions }] });
        }
      });
    },
  };
}

/** A document the gateway will not run, as Apollo Server answers it: GRAPHQL_VALIDATION_FAILED, HTTP 400. */
function validationError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

/** Hive's error, as the one error masking of errors.ts shows it (a GraphQLError for Yoga to serialise). */
function masked(error: unknown): GraphQLError {
  const graphql =
    error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error as Error });
  const formatted = graphql.toJSON();
  const original = graphql.originalError ?? graphql;
  // Yoga marks a document it cannot parse with HTTP 400 and no code, and graphql-armor's refusals
  // (depth, aliases, directives) carry neither a code nor a path nor a cause; Apollo Server names them.
  let code = formatted.extensions?.code;
  let extensions = formatted.extensions;
  if (code === undefined && graphql.extensions?.http && /^Syntax Error/.test(graphql.message)) code = 'GRAPHQL_PARSE_FAILED';
  else if (code === undefined && !graphql.path && !graphql.originalError) code = 'GRAPHQL_VALIDATION_FAILED';
  // Several operations and none named: Yoga refuses before the gateway's own check (BAD_REQUEST on Apollo).
  if (code === 'OPERATION_RESOLUTION_FAILURE') {
    code = 'BAD_REQUEST';
    extensions = { ...extensions, field: 'operationName' };
  }
  const shown = maskError({ ...formatted, extensions: { ...extensions, ...(code ? { code } : {}) } }, original);
  const http = code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' ? { status: 400 } : graphql.extensions?.http;
  const result = new GraphQLError(shown.message, { path: shown.path, extensions: { ...shown.extensions, ...(http ? { http } : {}) } });
  if (shown.locations) Object.defineProperty(result, 'locations', { value: shown.locations, enumerable: true });
  return result;
}

/** Apollo Server's CSRF rule: a request that could be sent cross-site without a preflight must name one of these headers. */
const PREFLIGHT_HEADERS = ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
function crossSiteSimple(req: HostedRequest): boolean {
  const type = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type !== undefined && !SIMPLE_TYPES.has(type)) return false;
  return !PREFLIGHT_HEADERS.some((name) => req.headers[name] !== undefined);
}

/**
 * The gateway on Hive Gateway's runtime with its Rust query planner (QN_GATEWAY_RUNTIME=hive),
 * over the same committed supergraph and with the same front as server.ts: the same /health,
 * /ready, /metrics, IDE and downloads, request id, caller authentication and rate, limits,
 * error masking and identity tokens to the subgraphs.
 */
export async function startHiveGateway(config: GatewayConfig): Promise<RunningGateway> {
  const level = process.env.LOG_LEVEL;
  if (level && !HIVE_LOG_LEVELS.includes(level)) {
    throw new Error(`LOG_LEVEL=${level}: the Hive runtime takes one of ${HIVE_LOG_LEVELS.join(', ')} (error: errors only)`);
  }
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...config.limits };
  const fetches = new FetchCounter();
  const signingKey = await gatewaySigningKey(config.internalKeys ?? process.env);
  const logger: Logger = config.logger ?? createLogger('gateway');
  const production = config.production ?? process.env.NODE_ENV === 'production';
  const gateway = createGatewayRuntime<HiveContext>({
    supergraph: supergraphForHive(config.supergraphSdl),
    unifiedGraphHandler,
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }])),
    logging: false,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    requestId: false,
    batching: false,
    maskedErrors: { maskError: (error) => masked(error) },
    disableIntrospection: production ? { disableIf: () => true } : undefined,
    plugins: () => [
      EnvelopArmorPlugin({ ...ARMOR_LIMITS, maxTokens: { enabled: false } }) as never,
      gatewayRules(config, limits, logger),
      subgraphFetches(config, limits, fetches, signingKey),
    ],
  });
  // Hive reads the supergraph and starts its planner on the first request: here, not on a caller's.
  await gateway.fetch(
    'http://gateway/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) },
    { req: { requestId: 'gateway-start', headers: {}, socket: {} } as HostedRequest },
  );
  const metrics = new ServiceMetrics('gateway');
  /** The same GraphQL request as a client's, run in-process for the download routes. */
  const runner = {
    async executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context,
    }: {
      httpGraphQLRequest: { headers: HeaderMap; body: unknown };
      context: () => Promise<GatewayContext>;
    }) {
      const { requestId } = await context();
      const response = await gateway.fetch(
        'http://gateway/graphql',
        { method: 'POST', headers: Object.fromEntries(httpGraphQLRequest.headers), body: JSON.stringify(httpGraphQLRequest.body) },
        { req: { requestId, headers: {}, socket: {} } as HostedRequest },
      );
      return { status: response.status, headers: new Map(), body: { kind: 'complete' as const, string: await response.text() } };
    },
  } as unknown as ApolloServer<GatewayContext>;
  const context = async (req: HostedRequest): Promise<GatewayContext> => ({
    identity: await authenticate(req.headers.authorization, config.auth),
    requestId: req.requestId,
  });
  const downloads = downloadRoutes(runner, context);
  const queryExport = queryExportRoute(runner, context, limits.maxBodyBytes);

  const json = bodyParser.json({ limit: limits.maxBodyBytes });
  const handle = async (req: HostedRequest, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/ready') {
      const readiness = await subgraphsReadiness(config.subgraphUrls);
      return sendJson(res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready', checks: readiness.checks });
    }
    if (req.method === 'GET' && path === '/metrics') {
      res.setHeader('content-type', metrics.registry.contentType);
      return res.end(await metrics.registry.metrics());
    }
    if (ideRoutes(req, res, path) || (await downloads(req, res, path)) || (await queryExport(req, res, path))) return;
    if (crossSiteSimple(req)) {
      return sendJson(res, 400, {
        errors: [
          {
            message: `This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of ${[...SIMPLE_TYPES].join(', ')}) or provide a non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(', ')}`,
            extensions: { code: 'BAD_REQUEST', correlationId: req.requestId },
          },
        ],
      });
    }
    // The body as the Apollo runtime reads it (body-parser: 413 over the limit, 400 for malformed JSON).
    await new Promise<void>((resolve, reject) => json(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
    const body = req.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined;
    const persisted = body?.extensions?.persistedQuery;
    if (persisted) {
      // Hive keeps no automatic persisted queries: a hash alone is not supported (clients then send the query), a wrong one is refused.
      const hashed = typeof body.query === 'string' && createHash('sha256').update(body.query).digest('hex') === persisted.sha256Hash;
      if (!hashed) {
        const [code, message] =
          typeof body.query === 'string'
            ? ['BAD_REQUEST', 'provided sha does not match query']
            : ['PERSISTED_QUERY_NOT_SUPPORTED', 'PersistedQueryNotSupported'];
        return sendJson(res, 400, { errors: [{ message, extensions: { code, correlationId: req.requestId } }] });
      }
    }
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger.warn({ requestId: req.requestId, timeoutMs: limits.requestTimeoutMs }, 'request stopped: took too long');
      sendJson(res, 503, {
        errors: [
          { message: 'the request took too long and was stopped; ask for less at once', extensions: { code: 'REQUEST_TIMEOUT', correlationId: req.requestId } },
        ],
      });
    }, limits.requestTimeoutMs);
    res.on('close', () => clearTimeout(timer));
    // GraphQL on every other path, as on the Apollo runtime; Hive answers it at its one endpoint.
    // Its server context is { req }: `req` carries the request id.
    const headers = Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined || name === 'content-length' ? [] : [[name, String(value)] as [string, string]],
    );
    const answer = await gateway.fetch(
      `http://gateway/graphql${new URL(req.url ?? '/', 'http://localhost').search}`,
      { method: req.method, headers, body: req.method === 'POST' ? JSON.stringify(req.body ?? {}) : undefined },
      { req },
    );
    const text = await answer.text();
    if (res.headersSent) return;
    clearTimeout(timer);
    res.statusCode = answer.status;
    answer.headers.forEach((value, name) => {
      if (name !== 'content-length') res.setHeader(name, value);
    });
    res.end(text);
  };

  const httpServer = http.createServer((incoming, res) => {
    const req = incoming as HostedRequest;
    const started = process.hrtime.bigint();
    req.requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, req.requestId);
    const path = (req.url ?? '/').split('?')[0];
    res.on('finish', () => {
      const route = path === '/health' || path === '/ready' || path === '/metrics' ? path.slice(1) : 'graphql';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observe(req.method ?? 'GET', route, res.statusCode, seconds);
      if (route === 'health' || route === 'metrics') return;
      logger.info({ requestId: req.requestId, method: req.method, path, status: res.statusCode, durationMs: Math.round(seconds * 1e4) / 10 }, 'request');
    });
    requestScope
      .run({ requestId: req.requestId }, () => handle(req, res))
      .catch((error: { status?: number; message?: string }) => answerFailedRequest(logger, req, res, error)); // as on the Apollo runtime
  });
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: config.port, host: config.host }, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostname === '0.0.0.0' || hostname === '[::]' ? 'localhost' : hostname}:${address.port}/`;
  const stop = async () => {
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeIdleConnections();
    });
    await gateway[Symbol.asyncDispose]();
  };
  return { url, fetches, limits, http: { url, port: address.port, metrics, stop }, stop };
}
