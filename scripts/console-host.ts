import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface ConsoleHostOptions {
  /** The built console (`vite build` output). */
  distDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Where the console sends Glue requests; a function when it is known only later. */
  glueBaseUrl: string | (() => string);
  /** The console's other settings for /glue-config.json (requireReason, idleMinutes, …). */
  settings?: () => Record<string, unknown>;
}

export interface RunningConsoleHost {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The headers every page of the console carries: no inline script, no framing, no referrer. */
export function securityHeaders(glueBaseUrl: string): Record<string, string> {
  const glueOrigin = new URL(glueBaseUrl).origin;
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${glueOrigin}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** Serves the built console with strict headers, its runtime config, and index.html for app routes. */
export function startConsoleHost(options: ConsoleHostOptions): Promise<RunningConsoleHost> {
  const distDir = resolve(options.distDir);
  const glueBaseUrl = () =>
    typeof options.glueBaseUrl === 'function' ? options.glueBaseUrl() : options.glueBaseUrl;

  const server = createServer((request, response) => {
    const config = { ...options.settings?.(), glueBaseUrl: glueBaseUrl() };
    handle(request, response, distDir, config).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.destroy();
    });
  });

  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveHost({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  distDir: string,
  config: { glueBaseUrl: string },
): Promise<void> {
  for (const [name, value] of Object.entries(securityHeaders(config.glueBaseUrl))) {
    response.setHeader(name, value);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
  }

  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
  } catch {
    return send(response, 400, 'text/plain; charset=utf-8', 'Bad Request');
  }

  if (pathname === '/glue-config.json') {
    response.setHeader('Cache-Control', 'no-store');
    return send(response, 200, CONTENT_TYPES['.json']!, JSON.stringify(config));
  }

  const filePath = normalize(join(distDir, pathname));
  const insideDist = filePath === distDir || filePath.startsWith(distDir + sep);
  const file = insideDist ? await stat(filePath).catch(() => null) : null;
  if (file?.isFile()) {
    const immutable = pathname.startsWith('/assets/');
    response.setHeader(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    return stream(
      request,
      response,
      filePath,
      CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
    );
  }
  // A path with a file extension is a missing file; anything else is a screen of the app.
  if (extname(pathname)) return send(response, 404, 'text/plain; charset=utf-8', 'Not Found');
  response.setHeader('Cache-Control', 'no-cache');
  return stream(request, response, join(distDir, 'index.html'), CONTENT_TYPES['.html']!);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

function stream(
  request: IncomingMessage,
  response: ServerResponse,
  filePath: string,
  contentType: string,
) {
  return new Promise<void>((done, fail) => {
    response.writeHead(200, { 'Content-Type': contentType });
    if (request.method === 'HEAD') {
      response.end();
      return done();
    }
    createReadStream(filePath).on('error', fail).on('end', done).pipe(response);
  });
}
