import { readFileSync } from 'node:fs';
import { ServerResponse } from 'node:http';
import path from 'node:path';
import type { HostedRequest } from '@qn/common';
import { IDE_EXAMPLES } from './examples';

const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/** The files the IDE is made of, all from installed npm packages or this folder: nothing from another host. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/ide/react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  '/ide/react-dom.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  '/ide/graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/ide/graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  '/ide/ide.js': { file: path.join(__dirname, 'ide.js'), type: 'text/javascript' },
  '/ide/ide.css': { file: path.join(__dirname, 'ide.css'), type: 'text/css' },
};

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL sets style attributes from script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(): string {
  // Embedded as JSON data, not script: '<' is escaped so no example can close the element.
  const config = JSON.stringify({ endpoint: '/', examples: IDE_EXAMPLES }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quảng Ngãi — GraphQL</title>
<link rel="stylesheet" href="/ide/graphiql.css">
<link rel="stylesheet" href="/ide/ide.css">
</head>
<body>
<header id="ide-bar">
  <h1 id="ide-title"></h1>
  <label><span id="ide-token-label"></span><input id="ide-token" type="password" autocomplete="off" spellcheck="false"></label>
  <button id="ide-examples" type="button"></button>
  <label><span id="ide-language-label"></span><select id="ide-language"><option value="vi">Tiếng Việt</option><option value="en">English</option></select></label>
  <span id="ide-status" role="status"></span>
</header>
<main id="graphiql"></main>
<script id="ide-config" type="application/json">${config}</script>
<script src="/ide/react.js"></script>
<script src="/ide/react-dom.js"></script>
<script src="/ide/graphiql.js"></script>
<script src="/ide/ide.js"></script>
</body>
</html>
`;
}

const cache = new Map<string, Buffer>();
function read(file: string): Buffer {
  let content = cache.get(file);
  if (!content) cache.set(file, (content = readFileSync(file)));
  return content;
}

/**
 * Serves the IDE: the page on `GET /` when a browser asks for HTML (a GraphQL GET
 * carries a `query` parameter and is left to GraphQL), and its files under `/ide/`.
 */
export function ideRoutes(req: HostedRequest, res: ServerResponse, pathname: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const asset = ASSETS[pathname];
  if (asset) {
    res.setHeader('content-type', `${asset.type}; charset=utf-8`);
    res.setHeader('cache-control', 'public, max-age=3600');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(read(asset.file));
    return true;
  }
  const search = new URL(req.url ?? '/', 'http://localhost').searchParams;
  if (pathname === '/' && !search.has('query') && /text\/html/.test(req.headers.accept ?? '')) {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(page());
    return true;
  }
  return false;
}
