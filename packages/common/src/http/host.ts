import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import bodyParser from 'body-parser';
import cors from 'cors';
import { Logger } from './logger';
import { ServiceMetrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom, requestScope } from './request-id';
import { activeTraceId } from '../telemetry';

/** What `/ready` reports: ready only when every check says `ok`. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

/** A request that has its id; handlers of extra routes get it too. */
export type HostedRequest = IncomingMessage & { requestId: string; body?: unknown };

export interface HostOptions<C extends BaseContext> {
  service: string;
  server: ApolloServer<C>;
  port: number;
  host: string;
  logger: Logger;
  context(req: HostedRequest): Promise<C>;
  ready(): Promise<Readiness>;
  /** Routes of this service besides GraphQL (the gateway's IDE): answers and returns true, or returns false. */
  routes?(req: HostedRequest, res: ServerResponse, path: string): boolean | Promise<boolean>;
  /** Largest JSON body accepted (bytes, or body-parser's '1mb'). */
  bodyLimit?: string | number;
  /** After this many milliseconds a GraphQL request is answered REQUEST_TIMEOUT (HTTP 503). */
  requestTimeoutMs?: number;
}

export interface Host {
  url: string;
  port: number;
  metrics: ServiceMetrics;
  stop(): Promise<void>;
}

/** A JSON answer that no cache keeps. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * The answer to a request whose handling threw: an error of body parsing with its HTTP
 * status (413 too large, 400 malformed JSON, 415 charset) and its message; anything else a
 * 500 that says only the request id to quote, the error itself going to the log.
 */
export function answerFailedRequest(logger: Logger, req: HostedRequest, res: ServerResponse, error: { status?: number; message?: string }): void {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) logger.error({ requestId: req.requestId, err: error }, 'request failed');
  if (res.headersSent) return void res.end();
  sendJson(res, status, {
    errors: [
      {
        message: status === 500 ? `Internal error; quote ${req.requestId} when reporting it` : error.message,
        extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', correlationId: req.requestId },
      },
    ],
  });
}

function routeOf(path: string): string {
  if (path === '/health' || path === '/ready' || path === '/metrics') return path.slice(1);
  return 'graphql';
}

/**
 * The one HTTP front of every service, gateway and subgraphs alike: `/health`
 * (the process answers), `/ready` (it can serve: database and migrations, or for the
 * gateway every subgraph), `/metrics` (Prometheus), then GraphQL on every other path.
 * Each request gets an id (see `requestIdFrom`), returned in `x-request-id`, given to
 * the GraphQL context and written on its JSON log line.
 */
export async function serveGraphQL<C extends BaseContext>(options: HostOptions<C>): Promise<Host> {
  const { server, logger } = options;
  const metrics = new ServiceMetrics(options.service);
  const corsHandler = cors();
  const jsonHandler = bodyParser.json({ limit: options.bodyLimit ?? '1mb' });
  const run = (handler: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void, req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>((resolve, reject) => handler(req, res, (error?: unknown) => (error ? reject(error) : resolve())));

  const graphql = async (req: HostedRequest, res: ServerResponse, search: string) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body: req.body },
      context: () => options.context(req),
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      if (options.requestTimeoutMs) timer = setTimeout(() => resolve('timeout'), options.requestTimeoutMs);
    });
    const response = await Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
    if (response === 'timeout') {
      logger.warn({ requestId: req.requestId, timeoutMs: options.requestTimeoutMs }, 'request stopped: took too long');
      return sendJson(res, 503, {
        errors: [
          { message: 'the request took too long and was stopped; ask for less at once', extensions: { code: 'REQUEST_TIMEOUT', correlationId: req.requestId } },
        ],
      });
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const handle = async (req: HostedRequest, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/ready') {
      const readiness = await options.ready().catch((error: unknown) => ({ ready: false, checks: { ready: String(error) } }));
      return sendJson(res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready', checks: readiness.checks });
    }
    if (req.method === 'GET' && path === '/metrics') {
      res.setHeader('content-type', metrics.registry.contentType);
      return res.end(await metrics.registry.metrics());
    }
    if (options.routes && (await options.routes(req, res, path))) return;
    await run(corsHandler, req, res);
    await run(jsonHandler, req, res);
    await graphql(req, res, url.search);
  };

  const httpServer = http.createServer((incoming, res) => {
    const req = incoming as HostedRequest;
    const started = process.hrtime.bigint();
    req.requestId = requestIdFrom(req.headers);
    // With tracing on, the log line names the request's trace (the request id too, unless the caller gave one).
    const traceId = activeTraceId();
    res.setHeader(REQUEST_ID_HEADER, req.requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (req.url ?? '/').split('?')[0];
      const route = routeOf(path);
      metrics.observe(req.method ?? 'GET', route, res.statusCode, seconds);
      if (route === 'health' || route === 'metrics') return;
      const body = req.body as { operationName?: unknown } | undefined;
      logger.info(
        {
          requestId: req.requestId,
          traceId,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1e4) / 10,
          operationName: typeof body?.operationName === 'string' ? body.operationName : undefined,
        },
        'request',
      );
    });
    requestScope
      .run({ requestId: req.requestId }, () => handle(req, res))
      .catch((error: { status?: number; message?: string }) => answerFailedRequest(logger, req, res, error));
  });
  // Idle keep-alive connections outlive a client's own idle timeout (undici 4 s, load
  // balancers 60 s), so a client never sends a request on a socket the server is closing.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: options.port, host: options.host }, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname === '0.0.0.0' || hostname === '[::]' ? 'localhost' : hostname}:${address.port}/`,
    port: address.port,
    metrics,
    stop: () => server.stop(),
  };
}
