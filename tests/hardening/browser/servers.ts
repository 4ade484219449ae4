import http from 'node:http';
import { canaryIdFromPath } from '../../fixtures/xss/canary';

/** One request as a test server saw it. */
export interface SeenRequest {
  path: string;
  referer: string | null;
  secFetchDest: string | null;
  secFetchMode: string | null;
}

export interface ServedPage {
  contentType: string;
  body: () => string | Uint8Array;
  /** Extra response headers (e.g. a CSP for the hostile page's own tab). */
  headers?: Record<string, string>;
  /** Send the body, then never end the response. */
  holdOpen?: boolean;
}

export interface TestServer {
  origin: string;
  url(path: string): string;
  requests: SeenRequest[];
  stop(): Promise<void>;
}

const PNG_1X1 = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/**
 * A 127.0.0.1 server for generated pages: each path maps to a page; `/img/*` answers with a small PNG (the article's
 * own images); anything else is 404. Every request is recorded, so a test can tell what was fetched and by whom.
 */
export async function startPageServer(pages: Map<string, ServedPage> | (() => Map<string, ServedPage>)): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({
      path: pathname,
      referer: request.headers.referer ?? null,
      secFetchDest: (request.headers['sec-fetch-dest'] as string | undefined) ?? null,
      secFetchMode: (request.headers['sec-fetch-mode'] as string | undefined) ?? null,
    });
    const page = (typeof pages === 'function' ? pages() : pages).get(pathname);
    if (page) {
      response.writeHead(200, { 'content-type': page.contentType, 'cache-control': 'no-store', ...page.headers });
      if (page.holdOpen) {
        response.write(page.body());
        held.add(response);
        return;
      }
      response.end(page.body());
      return;
    }
    if (pathname.startsWith('/img/') || canaryIdFromPath(pathname)) {
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      response.end(PNG_1X1);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('test server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  let stopped = false;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Canary requests that did not come from the hostile page's own tab. The article tab is allowed to misbehave (it is
 * the attacker's page, and its CSP header blocks most of it anyway); only a hit from an extension page counts. A
 * request the tab makes carries the article's origin as its referrer; extension pages never send an http referrer.
 */
export function canaryHitsFromExtension(canary: TestServer, articleOrigin: string): Array<SeenRequest & { id: string }> {
  return canary.requests
    .map((request) => ({ ...request, id: canaryIdFromPath(request.path) }))
    .filter((request): request is SeenRequest & { id: string } => request.id !== null)
    .filter((request) => !(request.referer ?? '').startsWith(articleOrigin));
}
