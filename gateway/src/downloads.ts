import { ServerResponse } from 'node:http';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import { HostedRequest } from '@qn/common';

interface ExportFile {
  filename: string;
  mimeType: string;
  base64: string;
}

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };
const REVIEW_FIELD: Record<string, string> = { docx: 'document', csv: 'csvFile', xlsx: 'workbook' };

/** The query behind a download path, or null when the path is not one. */
function queryFor(path: string, search: URLSearchParams): { query: string; variables: Record<string, unknown>; pick(data: any): ExportFile | null } | null {
  let m = path.match(/^\/downloads\/programme-review\.(docx|csv|xlsx)$/);
  if (m) {
    const field = REVIEW_FIELD[m[1]];
    return {
      query: `query Download($id: ID) { programmeReview(id: $id) { ${field} { filename mimeType base64 } } }`,
      variables: { id: search.get('id') },
      pick: (data) => data?.programmeReview?.[field] ?? null,
    };
  }
  m = path.match(/^\/downloads\/consolidated-report\/([0-9A-Z-]{4,12})\.(docx|csv|xlsx)$/);
  if (m) {
    const field = REVIEW_FIELD[m[2]];
    return {
      query: `query Download($period: String!) { consolidatedReport(period: $period) { files { ${field} { filename mimeType base64 } } } }`,
      variables: { period: m[1] },
      pick: (data) => data?.consolidatedReport?.files?.[field] ?? null,
    };
  }
  return null;
}

/** What the download routes need of a runtime: to run one GraphQL request as a client's (ApolloServer, or hive.ts's). */
export type GraphQLRunner<C extends BaseContext> = Pick<ApolloServer<C>, 'executeHTTPGraphQLRequest'>;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * Downloads of the province's documents, for browsers and scripts that want a file rather
 * than base64 in JSON: GET /downloads/programme-review.{docx,csv,xlsx}[?id=…] and
 * /downloads/consolidated-report/<period>.{docx,csv,xlsx}. Each runs the same GraphQL
 * query through the gateway with the caller's own bearer token, so the same rules apply
 * and errors keep their codes (as JSON, with the HTTP status of the code).
 */
export function downloadRoutes<C extends BaseContext>(server: GraphQLRunner<C>, context: (req: HostedRequest) => Promise<C>) {
  return async (req: HostedRequest, res: ServerResponse, path: string): Promise<boolean> => {
    if (req.method !== 'GET' || !path.startsWith('/downloads/')) return false;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const wanted = queryFor(path, url.searchParams);
    if (!wanted) {
      sendJson(res, 404, { errors: [{ message: `no download at ${path}`, extensions: { code: 'NOT_FOUND' } }] });
      return true;
    }
    const headers = new HeaderMap();
    headers.set('content-type', 'application/json');
    if (req.headers.authorization) headers.set('authorization', req.headers.authorization);
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query: wanted.query, variables: wanted.variables } },
      context: () => context(req),
    });
    const text = answer.body.kind === 'complete' ? answer.body.string : '';
    const body = JSON.parse(text || '{}') as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const file = wanted.pick(body.data);
    if (body.errors?.length || !file) {
      const code = body.errors?.[0]?.extensions?.code ?? 'NOT_FOUND';
      sendJson(
        res,
        HTTP_STATUS[code] ?? answer.status ?? 400,
        body.errors?.length ? { errors: body.errors } : { errors: [{ message: 'nothing to download yet', extensions: { code } }] },
      );
      return true;
    }
    const bytes = Buffer.from(file.base64, 'base64');
    res.statusCode = 200;
    res.setHeader('content-type', file.mimeType);
    res.setHeader('content-length', String(bytes.length));
    res.setHeader(
      'content-disposition',
      `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(bytes);
    return true;
  };
}
