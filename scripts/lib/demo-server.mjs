// A tiny static server for the demo journal page. It serves only the demo and
// the packages' built files and examples, never the rest of the repository,
// and sends the strict CSP the SDK promises to work under (docs/security.md).
// Tests use it too (test/lib/serve.ts): one folder, with or without the CSP.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, extname, sep } from 'node:path';
import { root } from './run.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/** URL prefixes the server maps to folders of the repository. */
const MOUNTS = [
  ['/packages/core/dist/', 'packages/core/dist/'],
  ['/packages/core/examples/', 'packages/core/examples/'],
  ['/packages/adapters/dist/', 'packages/adapters/dist/'],
  ['/packages/components/dist/', 'packages/components/dist/'],
  ['/', 'demo/'],
];

/** The Content-Security-Policy the demo is served with. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

function resolvePath(urlPath, mounts) {
  for (const [prefix, dir] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    const base = isAbsolute(dir) ? dir : join(root, dir);
    let rest = urlPath.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const full = normalize(join(base, rest));
    // Refuse anything that escapes its mount (../, encoded or not).
    if (!full.startsWith(base.endsWith(sep) ? base : base + sep)) return undefined;
    return full;
  }
  return undefined;
}

/**
 * Starts the demo server; resolves with the listening `http.Server`.
 * `extraMounts` (`[urlPrefix, folder][]`, checked first; a folder is relative
 * to the repository or absolute) lets tests serve their own pages under the
 * same strict CSP. `mounts` replaces the demo's own mounts, and `csp: false`
 * leaves the CSP header out (pages that are not ours, e.g. Storybook's).
 */
export function startDemoServer({ port = 8080, host = 'localhost', extraMounts = [], mounts: own = MOUNTS, csp = true } = {}) {
  const mounts = [...extraMounts, ...own];
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let urlPath;
      try {
        urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400).end('Bad request');
        return;
      }
      let file = urlPath.includes('\0') ? undefined : resolvePath(urlPath, mounts);
      if (file && (await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
      const body = file ? await readFile(file).catch(() => undefined) : undefined;
      if (!body) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(csp ? { 'Content-Security-Policy': STRICT_CSP } : {}),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(500).end('Server error');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
