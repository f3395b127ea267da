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
/** Each agency's database passwords: its server administrator's (Kubernetes: a server per agency), its owner's, its service role's. */
const adminPassword = (name: string) => `${name.toUpperCase()}_POSTGRES_PASSWORD`;
const ownerPassword = (name: string) => `${name.toUpperCase()}_DATABASE_PASSWORD`;
const servicePassword = (name: string) => `${name.toUpperCase()}_SERVICE_DATABASE_PASSWORD`;
const DATABASE_PASSWORDS = SUBGRAPHS.flatMap((name) => [adminPassword(name), ownerPassword(name), servicePassword(name)]);
const SECRET_KEYS = [...DATABASE_PASSWORDS, ...PRIVATE_KEYS, ...DATA_KEYS, 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'];

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
  const NAME = name.toUpperCase();
  // The service connects as its service role only; the administrator and the owner are the init container's.
  expect(env[`${NAME}_SERVICE_DATABASE_URL`]).toBe(`postgres://qn_${name}_service:$(SERVICE_PASSWORD)@${name}-db:5432/qn_${name}`);
  expect(Object.keys(env).filter((variable) => /DATABASE_URL$/.test(variable))).toEqual([`${NAME}_SERVICE_DATABASE_URL`]);
  const init = Object.fromEntries(pod.initContainers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]));
  expect(init.DATABASE_URL).toBe(`postgres://qn:$(POSTGRES_PASSWORD)@${name}-db:5432/postgres`);
  expect(init[`${NAME}_DATABASE_URL`]).toBe(`postgres://qn_${name}:$(OWNER_PASSWORD)@${name}-db:5432/qn_${name}`);
  expect(init[`${NAME}_SERVICE_DATABASE_URL`]).toBe(env[`${NAME}_SERVICE_DATABASE_URL`]);
  expect(secretsOf(db!.spec.template.spec.containers[0].env)).toEqual({ POSTGRES_PASSWORD: adminPassword(name) });
  expect(env[`${NAME}_PORT`]).toBe(String(DEFAULT_PORTS[name]));
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
  const readKeys = Object.values(container).filter(
    (key) => PRIVATE_KEYS.includes(key) || (DATA_KEYS as readonly string[]).includes(key) || DATABASE_PASSWORDS.includes(key),
  );
  const database = name === 'gateway' ? [] : [servicePassword(name)];
  expect(readKeys.sort()).toEqual([...Object.values(own), ...dataKeys, ...database].sort());
  for (const [variable, key] of Object.entries(own)) expect(container[variable]).toBe(key);
  // The migration job needs its agency's database passwords only.
  for (const init of pod.initContainers ?? []) {
    expect(Object.values(secretsOf(init.env)).sort()).toEqual([adminPassword(name), ownerPassword(name), servicePassword(name)].sort());
  }
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
    // Every secret is required (`:?`), none has a default (`:-`).
    for (const value of Object.values(environment(name))) {
      for (const m of String(value).matchAll(/\$\{([A-Z_]+)(:?[?-])?/g)) {
        if (SECRET_KEYS.includes(m[1]) || m[1] === 'POSTGRES_PASSWORD' || m[1].endsWith('_KEY') || m[1].endsWith('_KEYS'))
          expect({ variable: m[1], form: m[2] }).toEqual({ variable: m[1], form: ':?' });
      }
    }
  });

  test.each([...SUBGRAPHS])("%s: connects as its own service role with its own password, and holds neither the administrator's nor an owner's", (name) => {
    const NAME = name.toUpperCase();
    const env = environment(name);
    expect(Object.keys(env).filter((variable) => /DATABASE_URL$/.test(variable))).toEqual([`${NAME}_SERVICE_DATABASE_URL`]);
    expect(env[`${NAME}_SERVICE_DATABASE_URL`]).toMatch(
      new RegExp(`^postgres://qn_${name}_service:\\$\\{${servicePassword(name)}:\\?[^}]*\\}@postgres:5432/qn_${name}$`),
    );
    expect(reads(name).filter((v) => /PASSWORD/.test(v))).toEqual([servicePassword(name)]);
    expect(env.QN_MIGRATE).toBe('0');
  });

  test("the migrate job holds the administrator's password and every agency's owner and service role; the gateway none", () => {
    const env = environment('migrate');
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/qn:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/postgres$/);
    for (const name of SUBGRAPHS) {
      expect(env[`${name.toUpperCase()}_DATABASE_URL`]).toMatch(
        new RegExp(`^postgres://qn_${name}:\\$\\{${ownerPassword(name)}:\\?[^}]*\\}@postgres:5432/qn_${name}$`),
      );
      expect(env[`${name.toUpperCase()}_SERVICE_DATABASE_URL`]).toBe(environment(name)[`${name.toUpperCase()}_SERVICE_DATABASE_URL`]);
    }
    expect(reads('gateway').filter((v) => /PASSWORD/.test(v))).toEqual([]);
  });

  test('every secret is given only to the services that need it', () => {
    const holders: Record<string, string[]> = {};
    for (const service of Object.keys(compose.services)) {
      for (const variable of new Set(reads(service))) {
        if (/KEY|SECRET|PASSWORD/.test(variable) && !/PUBLIC_KEY/.test(variable)) (holders[variable] ??= []).push(service);
      }
    }
    const expected: Record<string, string[]> = { POSTGRES_PASSWORD: ['postgres', 'migrate'], QN_GATEWAY_PRIVATE_KEY: ['gateway'] };
    for (const name of SUBGRAPHS) {
      expected[ownerPassword(name)] = ['migrate'];
      expected[servicePassword(name)] = ['migrate', name];
      expected[servicePrivateKey(name)] = [name];
    }
    for (const key of DATA_KEYS) expected[key] = [DATA_KEY_OWNER[key]];
    const sorted = (record: Record<string, string[]>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(holders)).toEqual(sorted(expected));
  });
});
