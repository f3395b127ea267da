import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DATA_KEY_OWNER, DATA_KEYS, DEFAULT_PORTS, SUBGRAPHS } from '@qn/common';

/**
 * The Kubernetes manifests (deploy/k8s), read as the objects they declare: every agency
 * has its own PostgreSQL and a replicated service probed on /ready and /health, and the
 * gateway knows every subgraph. (No cluster or schema validator runs here; see README.)
 */
const dir = path.resolve(__dirname, '..', 'deploy', 'k8s');
type Manifest = { kind: string; metadata: { name: string }; spec: any };
const kustomization = parseAllDocuments(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'))[0].toJS() as { resources: string[] };
const objects: Manifest[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return document.toJS() as Manifest;
  }),
);
const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
/** Each subgraph's own private key for its calls to other subgraphs, in the deployment's secrets. */
const servicePrivateKey = (name: string) => `${name.toUpperCase()}_SERVICE_PRIVATE_KEY`;
const PRIVATE_KEYS = ['QN_GATEWAY_PRIVATE_KEY', ...SUBGRAPHS.map(servicePrivateKey)];
const SECRET_KEYS = ['POSTGRES_PASSWORD', ...PRIVATE_KEYS, ...DATA_KEYS, 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'];

type EnvEntry = { name: string; value?: string; valueFrom?: { secretKeyRef?: { key: string }; configMapKeyRef?: { key: string } } };
/** The secrets a container reads, by the variable it reads each into. */
const secretsOf = (env: EnvEntry[]) => Object.fromEntries(env.filter((e) => e.valueFrom?.secretKeyRef).map((e) => [e.name, e.valueFrom!.secretKeyRef!.key]));

test.each([...SUBGRAPHS])('%s: its own PostgreSQL, two replicas migrating by init container, probes on /ready and /health', (name) => {
  const db = find('StatefulSet', `${name}-db`);
  expect(db?.spec.template.spec.containers[0].image).toBe('postgres:18');
  expect(db?.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeTruthy();
  expect(find('Service', `${name}-db`)).toBeDefined();
  const deployment = find('Deployment', name);
  expect(deployment?.spec.replicas).toBeGreaterThanOrEqual(2);
  const pod = deployment!.spec.template.spec;
  expect(pod.initContainers[0].command).toEqual(['node', 'scripts/migrate.js', name]);
  const container = pod.containers[0];
  expect(container.command).toEqual(['node', `subgraphs/${name}/src/index.js`]);
  const env = Object.fromEntries(container.env.map((e: { name: string; value?: string }) => [e.name, e.value]));
  expect(env[`${name.toUpperCase()}_DATABASE_URL`]).toBe(`postgres://qn:$(POSTGRES_PASSWORD)@${name}-db:5432/qn_${name}`);
  expect(env[`${name.toUpperCase()}_PORT`]).toBe(String(DEFAULT_PORTS[name]));
  expect(env.QN_MIGRATE).toBe('0');
  expect(container.readinessProbe.httpGet.path).toBe('/ready');
  expect(container.livenessProbe.httpGet.path).toBe('/health');
  expect(find('Service', name)?.spec.ports[0].port).toBe(DEFAULT_PORTS[name]);
});

test('the gateway runs replicated, probed, and reaches every subgraph by its Service', () => {
  const deployment = find('Deployment', 'gateway')!;
  expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
  const container = deployment.spec.template.spec.containers[0];
  expect(container.readinessProbe.httpGet.path).toBe('/ready');
  const env = Object.fromEntries(container.env.map((e: { name: string; value?: string }) => [e.name, e.value]));
  for (const name of SUBGRAPHS) expect(env[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
});

test('every secret a manifest reads is one of the documented keys of qn-secrets', () => {
  const keys = JSON.stringify(objects).match(/"secretKeyRef":\{"name":"qn-secrets","key":"[A-Z_]+"\}/g) ?? [];
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(SECRET_KEYS).toContain(JSON.parse(`{${key}}`).secretKeyRef.key);
});

test.each([...SUBGRAPHS, 'gateway'])('%s: its pod reads its own private key and data key only, and the public keys from a config map', (name) => {
  const pod = find('Deployment', name)!.spec.template.spec;
  const container = secretsOf(pod.containers[0].env);
  const own = name === 'gateway' ? { QN_GATEWAY_PRIVATE_KEY: 'QN_GATEWAY_PRIVATE_KEY' } : { QN_SERVICE_PRIVATE_KEY: servicePrivateKey(name) };
  const dataKeys = DATA_KEYS.filter((key) => DATA_KEY_OWNER[key] === name);
  const readKeys = Object.values(container).filter((key) => PRIVATE_KEYS.includes(key) || (DATA_KEYS as readonly string[]).includes(key));
  expect(readKeys.sort()).toEqual([...Object.values(own), ...dataKeys].sort());
  for (const [variable, key] of Object.entries(own)) expect(container[variable]).toBe(key);
  // The migration job needs the database only.
  for (const init of pod.initContainers ?? []) expect(Object.values(secretsOf(init.env))).toEqual(['POSTGRES_PASSWORD']);
  if (name !== 'gateway') {
    const env = pod.containers[0].env as EnvEntry[];
    for (const variable of ['QN_GATEWAY_PUBLIC_KEY', 'QN_SERVICE_PUBLIC_KEYS'])
      expect(env.find((e) => e.name === variable)?.valueFrom?.configMapKeyRef?.key).toBe(variable);
  }
});

test.each([...SUBGRAPHS, 'gateway'])('%s: traces go where the optional config map qn-observability says, and nowhere without it', (name) => {
  const env = find('Deployment', name)!.spec.template.spec.containers[0].env as (EnvEntry & {
    valueFrom?: { configMapKeyRef?: { name: string; key: string; optional?: boolean } };
  })[];
  expect(env.find((e) => e.name === 'OTEL_EXPORTER_OTLP_ENDPOINT')?.valueFrom?.configMapKeyRef).toEqual({
    name: 'qn-observability',
    key: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    optional: true,
  });
});

describe('docker-compose.yml', () => {
  const compose = parseAllDocuments(readFileSync(path.resolve(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true })[0].toJS() as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  const environment = (service: string) => compose.services[service].environment ?? {};
  /** The variables of the .env file a service's environment reads (`${NAME…}`). */
  const reads = (service: string) => [...JSON.stringify(environment(service)).matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]);

  test.each([...SUBGRAPHS, 'gateway', 'migrate'])('%s: only its own private key and data key, and no secret with a default', (name) => {
    const own = name === 'gateway' ? ['QN_GATEWAY_PRIVATE_KEY'] : name === 'migrate' ? [] : [servicePrivateKey(name)];
    const dataKeys = DATA_KEYS.filter((key) => DATA_KEY_OWNER[key] === name);
    const secrets = reads(name).filter((v) => PRIVATE_KEYS.includes(v) || (DATA_KEYS as readonly string[]).includes(v));
    expect(secrets.sort()).toEqual([...own, ...dataKeys].sort());
    if (name !== 'gateway' && name !== 'migrate') expect(environment(name).QN_SERVICE_PRIVATE_KEY).toMatch(new RegExp(`^\\$\\{${servicePrivateKey(name)}:\\?`));
    // Every secret is required (`:?`), none has a default (`:-`), and no secret is shared by all the processes.
    for (const value of Object.values(environment(name))) {
      for (const m of String(value).matchAll(/\$\{([A-Z_]+)(:?[?-])?/g)) {
        if (SECRET_KEYS.includes(m[1]) || m[1].endsWith('_KEY') || m[1].endsWith('_KEYS'))
          expect({ variable: m[1], form: m[2] }).toEqual({ variable: m[1], form: ':?' });
      }
    }
  });

  test('no secret but the database password is given to more than one service', () => {
    const holders: Record<string, string[]> = {};
    for (const service of Object.keys(compose.services)) {
      for (const [variable, value] of Object.entries(environment(service))) {
        if (/KEY|SECRET|PASSWORD/.test(variable) && !/PUBLIC_KEY/.test(variable) && String(value).includes('${')) (holders[String(value)] ??= []).push(service);
      }
    }
    const shared = Object.entries(holders).filter(([value, services]) => services.length > 1 && !value.startsWith('${POSTGRES_PASSWORD'));
    expect(shared).toEqual([]);
  });
});
