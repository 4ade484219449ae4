// Serves corpus pages from 127.0.0.1 so the browser loads them as ordinary http pages: GET /page/<index>.
import http from 'node:http';
import { readPageBytes } from './corpus.mjs';

/** Starts the server; resolves to { origin, urlOf(index), close() }. */
export function serveCorpus(pages) {
  const server = http.createServer((request, response) => {
    const match = /^\/page\/(\d+)$/.exec(request.url ?? '');
    const page = match ? pages[Number(match[1])] : undefined;
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // No charset in the header: meta-dev pages keep their original encoding, declared in their own markup.
    response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(readPageBytes(page));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, urlOf: (index) => `${origin}/page/${index}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
