// The storefront's server: adapter-node's request handler behind brotli/gzip compression of what it
// renders (HTML, __data.json), which adapter-node's own entry sends uncompressed. Static assets are
// compressed at build time (`precompress`) and served as they are: the middleware leaves a response
// that already has a Content-Encoding alone. Same environment as adapter-node's entry (PORT, HOST,
// ORIGIN, BODY_SIZE_LIMIT, SHUTDOWN_TIMEOUT…), and the same graceful stop on SIGTERM/SIGINT.
//   node apps/web/server.js
import http from 'node:http';
import process from 'node:process';
import compression from 'compression';
import { handler } from './build/handler.js';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownTimeoutSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);

// Brotli quality 4 (the middleware's default) costs about as much CPU as gzip for a far smaller page.
const compress = compression({ threshold: 1024 });
const notFound = (_req, res) => {
  res.statusCode = 404;
  res.end('Not found');
};

const server = http.createServer((req, res) => compress(req, res, () => handler(req, res, () => notFound(req, res))));

server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // Finish the requests under way, then exit; connections still open after the timeout are cut.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), shutdownTimeoutSeconds * 1000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
