import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { parse as parseUrl } from 'node:url';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import bodyParser from 'body-parser';

/**
 * The gateway's HTTP layer: JSON bodies up to a limit, and every refusal — a body that
 * is not JSON, too large, in an unknown charset, a request that takes too long —
 * answered as a GraphQL error in JSON with a code and the request's id, never an HTML
 * page or a stack trace.
 */

/** The id of the request being served: the caller's `x-request-id` when it is a sane one, else a fresh UUID. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,60}$/;

export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

export interface HttpOptions<C extends BaseContext> {
  port: number;
  host: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** How long a request may take before the gateway answers REQUEST_TIMEOUT, in milliseconds. */
  requestTimeoutMs: number;
  context(args: { req: IncomingMessage; res: ServerResponse; requestId: string }): Promise<C>;
}

function sendError(res: ServerResponse, status: number, code: string, message: string, requestId: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('x-request-id', requestId);
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, correlationId: requestId } }] }));
}

/** What body-parser's refusals mean to a caller. */
function bodyError(error: { status?: number; type?: string }): { status: number; code: string; message: string } {
  if (error.type === 'entity.too.large') return { status: 413, code: 'BAD_REQUEST', message: 'the request body is too large' };
  if (error.type === 'entity.parse.failed') return { status: 400, code: 'BAD_REQUEST', message: 'the request body is not valid JSON' };
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') return { status: 415, code: 'BAD_REQUEST', message: 'unsupported charset or encoding; send UTF-8 JSON' };
  return { status: error.status && error.status >= 400 && error.status < 500 ? error.status : 400, code: 'BAD_REQUEST', message: 'the request could not be read' };
}

export async function serveHttp<C extends BaseContext>(server: ApolloServer<C>, options: HttpOptions<C>): Promise<{ url: string; httpServer: http.Server }> {
  const json = bodyParser.json({ limit: options.bodyLimit });
  const httpServer = http.createServer((req, res) => {
    const requestId = requestIdOf(req);
    requestScope.run({ requestId }, () => {
      json(req, res, (error?: unknown) => {
        if (error) {
          const refusal = bodyError(error as { status?: number; type?: string });
          sendError(res, refusal.status, refusal.code, refusal.message, requestId);
          return;
        }
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), options.requestTimeoutMs);
        });
        const answer = server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: (req.method ?? 'GET').toUpperCase(),
            headers,
            search: parseUrl(req.url ?? '').search ?? '',
            body: 'body' in req ? (req as { body: unknown }).body : undefined,
          },
          context: () => options.context({ req, res, requestId }),
        });
        Promise.race([answer, deadline])
          .then(async (response) => {
            if (response === 'timeout') {
              sendError(res, 503, 'REQUEST_TIMEOUT', 'the request took too long and was stopped; ask for less at once', requestId);
              return;
            }
            for (const [key, value] of response.headers) res.setHeader(key, value);
            res.setHeader('x-request-id', requestId);
            res.statusCode = response.status || 200;
            if (response.body.kind === 'complete') {
              res.end(response.body.string);
              return;
            }
            for await (const chunk of response.body.asyncIterator) res.write(chunk);
            res.end();
          })
          .catch((failure) => {
            console.error(`[${requestId}] gateway HTTP error: ${failure instanceof Error ? failure.message : String(failure)}`);
            sendError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal error; quote ${requestId} when reporting it`, requestId);
          })
          .finally(() => clearTimeout(timer));
      });
    });
  });
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();
  await new Promise<void>((resolve) => httpServer.listen({ port: options.port, host: options.host }, resolve));
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}/`, httpServer };
}
