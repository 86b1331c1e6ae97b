import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { PRODUCTION_REQUIRED_VARIABLES, repoRoot } from '../src/config/env.js';
import { API_NODE_OPTIONS } from '../src/config/node-options.js';

/**
 * The deployment files are configuration, not code, so nothing else notices when one stops passing a
 * variable the API needs. These checks read them as the tools do (compose resolves `<<` merges;
 * Kubernetes resolves envFrom against the ConfigMaps and Secrets in the same kustomization).
 */

type Dict = Record<string, unknown>;

const infra = path.join(repoRoot(), 'infra');
const composeFile = path.join(infra, 'compose', 'compose.yaml');
const k8sDir = path.join(infra, 'k8s');

const asDict = (value: unknown, what: string): Dict => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what} is not a mapping`);
  }
  return value as Dict;
};

/** Compose `environment` as a mapping, whether written as a map or as a list of KEY=value. */
function composeEnvironment(service: Dict): Record<string, string> {
  const raw = service.environment ?? {};
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item: string) => {
        const at = item.indexOf('=');
        return at < 0 ? [item, undefined] : [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(asDict(raw, 'environment'));
  return Object.fromEntries(
    entries.filter(([, value]) => value !== undefined && value !== null && String(value).trim() !== '').map(([key, value]) => [key, String(value)]),
  );
}

describe('compose stack (infra/compose/compose.yaml)', () => {
  const compose = asDict(parse(readFileSync(composeFile, 'utf8'), { merge: true }), 'compose.yaml');
  const services = asDict(compose.services, 'services');
  const service = (name: string) => asDict(services[name], `service ${name}`);

  it.each(['api', 'migrate'])('gives the %s service every production-required variable', (name) => {
    const env = composeEnvironment(service(name));
    const missing = PRODUCTION_REQUIRED_VARIABLES.filter((variable) => !(variable in env));
    expect(missing).toEqual([]);
    expect(env.NODE_ENV).toBe('production');
  });

  it('points browsers at a published S3 address, the server at the in-network one', () => {
    const env = composeEnvironment(service('api'));
    expect(env.S3_ENDPOINT).toMatch(/^http:\/\/minio:9000$/);
    expect(env.S3_PUBLIC_URL).not.toMatch(/\/\/minio[:/]/);
  });

  it('gives the web server API_URL (the api service) and ORIGIN', () => {
    const env = composeEnvironment(service('web'));
    expect(env.API_URL).toMatch(/^http:\/\/api:4000\/graphql$/);
    expect(env.ORIGIN).toBeDefined();
  });

  it('gives the api and the web server the same CLIENT_ADDRESS_SECRET, so visitors are not all counted as the web server', () => {
    const api = composeEnvironment(service('api')).CLIENT_ADDRESS_SECRET;
    expect(api).toBeDefined();
    expect(composeEnvironment(service('web')).CLIENT_ADDRESS_SECRET).toBe(api);
  });

  it('starts in order: data stores, bucket, migrations, api, web', () => {
    const dependsOn = (name: string) => asDict(service(name).depends_on, `${name}.depends_on`);
    expect(dependsOn('migrate')).toMatchObject({
      postgres: { condition: 'service_healthy' },
      'minio-init': { condition: 'service_completed_successfully' },
    });
    expect(dependsOn('api')).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
    expect(dependsOn('web')).toMatchObject({ api: { condition: 'service_healthy' } });
    expect(service('migrate').command).toEqual(['node', 'apps/api/dist/migrate.js']);
    expect(service('migrate').image).toBe(service('api').image);
  });

  it('publishes the API port only: the metrics port stays on the compose network', () => {
    const published = ((service('api').ports ?? []) as string[]).map((mapping) => String(mapping).split(':').at(-1));
    expect(published).toEqual(['4000']);
  });

  it("checks the api's readiness (PostgreSQL and S3) in the image's HEALTHCHECK", () => {
    const healthcheck = readFileSync(path.join(infra, 'docker', 'api.Dockerfile'), 'utf8').split('\n').filter((line) => /HEALTHCHECK|CMD \[/.test(line)).join('\n');
    expect(healthcheck).toMatch(/\/health\/ready'/);
  });

  it("runs the api with the V8 options npm start and the bench use (its heap cap)", () => {
    const dockerfile = readFileSync(path.join(infra, 'docker', 'api.Dockerfile'), 'utf8');
    expect(/NODE_OPTIONS="?([^"\n]+?)"?\s*$/m.exec(dockerfile)?.[1].split(' ')).toEqual([...API_NODE_OPTIONS]);
  });

  it('keeps originals private: only the variants/ prefix is public', () => {
    const script = ([] as unknown[]).concat(service('minio-init').command).join('\n');
    const anonymous = script.split('\n').filter((line) => line.includes('mc anonymous set'));
    expect(anonymous.some((line) => /set download "?local\/\$\$S3_BUCKET\/variants"?$/.test(line.trim()))).toBe(true);
    expect(anonymous.filter((line) => /set (download|public|upload)/.test(line)).every((line) => line.includes('/variants'))).toBe(true);
  });

  it('builds from Dockerfiles that exist, each with its own ignore file', () => {
    const built = Object.entries(services).filter(([, value]) => asDict(value, 'service').build !== undefined);
    expect(built.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'web']);
    for (const [name, value] of built) {
      const build = asDict(asDict(value, name).build, `${name}.build`);
      const dockerfile = path.resolve(path.dirname(composeFile), String(build.context), String(build.dockerfile));
      expect(existsSync(dockerfile)).toBe(true);
      expect(existsSync(`${dockerfile}.dockerignore`)).toBe(true);
    }
  });
});

describe('Kubernetes manifests (infra/k8s)', () => {
  const kustomization = asDict(parse(readFileSync(path.join(k8sDir, 'kustomization.yaml'), 'utf8')), 'kustomization.yaml');
  const resources = (kustomization.resources ?? []) as string[];
  const objects: Dict[] = resources
    .filter((file) => existsSync(path.join(k8sDir, file)))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(k8sDir, file), 'utf8')).map((doc) => {
        if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
        return asDict(doc.toJS(), file);
      }),
    );
  const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const named = (kind: string, name: string) => {
    const found = ofKind(kind).find((object) => asDict(object.metadata, 'metadata').name === name);
    if (!found) throw new Error(`no ${kind} named ${name} in the kustomization`);
    return found;
  };
  const podSpec = (workload: Dict) => asDict(asDict(asDict(workload.spec, 'spec').template, 'template').spec, 'pod spec');
  const containers = (workload: Dict) => podSpec(workload).containers as Dict[];

  /** Variable names a container receives: env entries plus every key of the ConfigMaps/Secrets in envFrom. */
  function containerVariables(container: Dict): Set<string> {
    const names = new Set<string>();
    for (const entry of (container.env ?? []) as Dict[]) {
      if (entry.value !== undefined || entry.valueFrom !== undefined) names.add(String(entry.name));
    }
    for (const source of (container.envFrom ?? []) as Dict[]) {
      const prefix = typeof source.prefix === 'string' ? source.prefix : '';
      const ref = (source.configMapRef ?? source.secretRef) as Dict | undefined;
      if (!ref) continue;
      const target = named(source.configMapRef ? 'ConfigMap' : 'Secret', String(ref.name));
      const keys = [...Object.keys(asDict(target.data ?? {}, 'data')), ...Object.keys(asDict(target.stringData ?? {}, 'stringData'))];
      for (const key of keys) names.add(prefix + key);
    }
    return names;
  }

  it('lists only files that exist, and every manifest in the folder', () => {
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.filter((file) => !existsSync(path.join(k8sDir, file)))).toEqual([]);
    const manifests = readdirSync(k8sDir).filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml');
    expect(manifests.filter((file) => !resources.includes(file))).toEqual([]);
  });

  it.each([
    ['Deployment', 'api'],
    ['Job', 'api-migrate'],
  ])('gives the %s %s every production-required variable', (kind, name) => {
    const [container] = containers(named(kind, name));
    const provided = containerVariables(container);
    expect(PRODUCTION_REQUIRED_VARIABLES.filter((variable) => !provided.has(variable))).toEqual([]);
  });

  it('runs the migration Job with the API image and a retry limit', () => {
    const job = named('Job', 'api-migrate');
    const [container] = containers(job);
    const [api] = containers(named('Deployment', 'api'));
    expect(container.image).toBe(api.image);
    expect(container.command).toEqual(['node', 'apps/api/dist/migrate.js']);
    expect(asDict(job.spec, 'spec').backoffLimit).toEqual(expect.any(Number));
  });

  it('gives the web Deployment API_URL and ORIGIN', () => {
    const provided = containerVariables(containers(named('Deployment', 'web'))[0]);
    expect(['API_URL', 'ORIGIN'].filter((variable) => !provided.has(variable))).toEqual([]);
  });

  it("gives the web Deployment the API's CLIENT_ADDRESS_SECRET (that one key of its Secret), and the visitor's address behind the ingress", () => {
    expect(containerVariables(containers(named('Deployment', 'api'))[0]).has('CLIENT_ADDRESS_SECRET')).toBe(true);
    const [web] = containers(named('Deployment', 'web'));
    const entry = ((web.env ?? []) as Dict[]).find((e) => e.name === 'CLIENT_ADDRESS_SECRET');
    expect(entry?.valueFrom).toEqual({ secretKeyRef: { name: 'api-secrets', key: 'CLIENT_ADDRESS_SECRET' } });
    expect(((web.envFrom ?? []) as Dict[]).some((source) => source.secretRef)).toBe(false);
    expect(asDict(named('ConfigMap', 'web-config').data, 'web-config')).toMatchObject({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' });
  });

  it('has a readiness probe on every container of every Deployment', () => {
    const deployments = ofKind('Deployment');
    expect(deployments.length).toBeGreaterThanOrEqual(2);
    const unprobed = deployments.flatMap((deployment) =>
      containers(deployment)
        .filter((container) => {
          const probe = container.readinessProbe as Dict | undefined;
          return !probe || !['httpGet', 'tcpSocket', 'exec', 'grpc'].some((handler) => handler in probe);
        })
        .map((container) => `${String(asDict(deployment.metadata, 'metadata').name)}/${String(container.name)}`),
    );
    expect(unprobed).toEqual([]);
  });

  it('restarts an api pod only when the process stops answering, and takes it out of the Service when PostgreSQL or S3 do not', () => {
    const [api] = containers(named('Deployment', 'api'));
    expect(asDict(api.livenessProbe, 'livenessProbe').httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(asDict(api.readinessProbe, 'readinessProbe').httpGet).toEqual({ path: '/health/ready', port: 'http' });
  });

  it('lets Prometheus scrape each api pod on its metrics port, which neither the Service nor the Ingress exposes', () => {
    const deployment = named('Deployment', 'api');
    const annotations = asDict(asDict(asDict(asDict(deployment.spec, 'spec').template, 'template').metadata, 'template metadata').annotations, 'pod annotations');
    const [api] = containers(deployment);
    const metricsPort = ((api.ports ?? []) as Dict[]).find((port) => port.name === 'metrics')?.containerPort;
    expect(metricsPort).toEqual(expect.any(Number));
    expect(annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(metricsPort), 'prometheus.io/path': '/metrics' });
    expect(asDict(named('ConfigMap', 'api-config').data, 'api-config').METRICS_PORT).toBe(String(metricsPort));

    const servicePorts = (asDict(named('Service', 'api').spec, 'spec').ports ?? []) as Dict[];
    expect(servicePorts.filter((port) => port.targetPort === 'metrics' || port.targetPort === metricsPort || port.port === metricsPort)).toEqual([]);
    const backends = ofKind('Ingress').flatMap((ingress) =>
      ((asDict(ingress.spec, 'spec').rules ?? []) as Dict[]).flatMap((rule) => (asDict(rule.http, 'http').paths as Dict[]).map((entry) => asDict(asDict(entry.backend, 'backend').service, 'backend service'))),
    );
    expect(backends.length).toBeGreaterThan(0);
    expect(backends.filter((backend) => { const port = asDict(backend.port, 'port'); return port.name === 'metrics' || port.number === metricsPort; })).toEqual([]);
  });

  it('runs every workload as non-root on a read-only root filesystem', () => {
    for (const workload of [...ofKind('Deployment'), ...ofKind('Job')]) {
      expect(asDict(podSpec(workload).securityContext, 'securityContext').runAsNonRoot).toBe(true);
      for (const container of containers(workload)) {
        expect(asDict(container.securityContext, 'container securityContext').readOnlyRootFilesystem).toBe(true);
      }
    }
  });
});
