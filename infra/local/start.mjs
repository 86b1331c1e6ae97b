// `npm start`: the whole product on one machine. Starts embedded PostgreSQL and S3 for whatever
// DATABASE_URL / S3_* leave unset (and the local Stripe test server without STRIPE_*), migrates and
// seeds, then runs the API and the storefront.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { loadConfig, ConfigError } = await import(path.join(root, 'apps/api/dist/config/env.js'));
const { resolveInfrastructure, infrastructureEnv } = await import(path.join(root, 'apps/api/dist/infra/embedded/embedded-infrastructure.js'));
const { API_NODE_OPTIONS } = await import(path.join(root, 'apps/api/dist/config/node-options.js'));

const log = (line) => console.log(`[karya-ibu] ${line}`);
const children = new Set();
let stopping = false;

function parsePort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`${name} must be a port number from 1 to 65535 (got "${raw}")`);
    process.exit(1);
  }
  return port;
}

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const webPort = parsePort('WEB_PORT', 3000);
// Only the storefront's server calls the API here, so the API listens on loopback alone unless API_HOST
// says otherwise. Loopback is no proof of who calls, though (any local process, a port forward): the
// storefront vouches for each visitor's address with a secret made for this run, which the API checks.
const apiHost = process.env.API_HOST?.trim() || '127.0.0.1';
const apiConnectHost = ['0.0.0.0', '::'].includes(apiHost) ? '127.0.0.1' : apiHost.includes(':') ? `[${apiHost}]` : apiHost;
const apiUrl = `http://${apiConnectHost}:${config.port}`;
const webUrl = `http://localhost:${webPort}`;

const infrastructure = await resolveInfrastructure(config, log);
const env = {
  ...process.env,
  ...infrastructureEnv(infrastructure.config),
  API_PORT: String(config.port),
  API_HOST: apiHost,
  CLIENT_ADDRESS_SECRET: process.env.CLIENT_ADDRESS_SECRET?.trim() || randomBytes(32).toString('base64url'),
  SEED_DEMO_DATA: String(config.seedDemoData),
};

function run(name, args, extraEnv = {}) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!stopping && name !== 'migrate') {
      console.error(`[karya-ibu] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
      void shutdown(1);
    }
  });
  return child;
}

async function waitFor(url, name, child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer at ${url} within 2 minutes`);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await infrastructure.stop();
  log('Stopped.');
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  const migrate = run('migrate', ['apps/api/dist/migrate.js']);
  const migrateCode = await new Promise((resolve) => migrate.once('exit', resolve));
  if (migrateCode !== 0) throw new Error(`migrations/seed failed (exit ${migrateCode})`);

  const api = run('api', [...API_NODE_OPTIONS, 'apps/api/dist/main.js'], { SEED_DEMO_DATA: 'false' });
  await waitFor(`${apiUrl}/health/ready`, 'API', api);

  // Forms without JavaScript post whole photos (≤ 15 MB) and roster files through the web server.
  const web = run('web', ['apps/web/server.js'], { PORT: String(webPort), HOST: '0.0.0.0', ORIGIN: webUrl, API_URL: `${apiUrl}/graphql`, BODY_SIZE_LIMIT: '16M' });
  await waitFor(webUrl, 'storefront', web);

  console.log('');
  console.log(`  Storefront: ${webUrl}`);
  console.log(`  API:        ${apiUrl}/graphql   (health: ${apiUrl}/health/ready${apiHost === '127.0.0.1' ? '; this machine only' : ''})`);
  console.log(`  Metrics:    http://${apiConnectHost}:${config.metricsPort}/metrics`);
  console.log(`  Photos:     ${infrastructure.config.s3.publicUrl}/${infrastructure.config.s3.bucket}/`);
  if (config.stripe === null) {
    const { host, port } = infrastructure.config.stripe.apiBase;
    console.log(`  Stripe:     http://${host}:${port}   (local test server: checkout pages at /checkout/<session>, no real money)`);
  }
  console.log('');
  log('Karya Ibu is ready. Press Ctrl-C to stop.');
} catch (error) {
  console.error(`[karya-ibu] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
