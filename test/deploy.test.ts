import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_PORTS, SUBGRAPHS } from '@qn/common';

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
const SECRET_KEYS = ['POSTGRES_PASSWORD', 'QN_INTERNAL_SECRET', 'POLICE_DATA_KEY', 'LABOUR_PSEUDONYM_KEY', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'];

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
