import { describe, it } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'chai';
import { parse } from 'yaml';
import { CATALOGUE, addImage, findImage, parseImageRef, validateCatalogue } from './catalogue.ts';
import { Cluster } from '../cluster/cluster.ts';
import { defaultConfig } from '../cluster/config.ts';
import type { ImageEntry } from './catalogue-types.ts';

const yamlPath = new URL('../../fixtures/images.yaml', import.meta.url);
const dataPath = new URL('./catalogue-data.ts', import.meta.url);

describe('image catalogue', () => {
  const fromYaml = parse(readFileSync(yamlPath, 'utf8')) as unknown;

  it('fixtures/images.yaml validates against schemas/images.schema.json', () => {
    expect(validateCatalogue(fromYaml)).to.deep.equal([]);
  });

  it('catalogue-data.ts is fixtures/images.yaml (UPDATE_GOLDEN=1 regenerates it)', () => {
    if (process.env.UPDATE_GOLDEN) {
      const text = `// Generated from fixtures/images.yaml by engine/images/catalogue.test.ts (UPDATE_GOLDEN=1). Do not edit.\nexport const CATALOGUE_DATA: unknown = ${JSON.stringify(fromYaml, null, 2)};\n`;
      writeFileSync(dataPath, text);
    }
    expect(CATALOGUE).to.deep.equal(fromYaml);
  });

  it('a schema error names the field', () => {
    const bad = { images: [{ ...CATALOGUE.images[0], size: 'big' }] };
    const problems = validateCatalogue(bad);
    expect(problems[0]?.path).to.equal('/images/0/size');
  });

  it('nginx ships the 615-byte Debian welcome page', () => {
    // docker-nginx (bookworm) /usr/share/nginx/html/index.html, from nginx's pkg-oss packaging
    const page = findImage(undefined, 'nginx')!.files!['/usr/share/nginx/html/index.html']!;
    expect(Buffer.byteLength(page)).to.equal(615);
    expect(page).to.contain('<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }');
  });

  it('nginx has no nslookup until dnsutils is installed; busybox has it', () => {
    expect(findImage(undefined, 'nginx:1.27')!.binaries['nslookup']).to.equal(undefined);
    expect(findImage(undefined, 'nginx')!.aptPackages!['dnsutils']!.binaries['nslookup']).to.equal('nslookup:bind');
    expect(findImage(undefined, 'busybox')!.binaries['nslookup']).to.equal('nslookup:busybox');
    expect(findImage(undefined, 'httpd')!.binaries['curl']).to.equal(undefined);
  });

  const refs: Array<[string, string]> = [
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['curlimages/curl', 'docker.io/curlimages/curl:latest'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.52', 'registry.k8s.io/e2e-test-images/agnhost:2.52'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ];
  for (const [ref, full] of refs) {
    it(`normalises ${ref}`, () => {
      expect(parseImageRef(ref).full).to.equal(full);
    });
  }

  it('addImage validates and adds per cluster', () => {
    const c = new Cluster(defaultConfig());
    const entry: ImageEntry = { ...CATALOGUE.images[2]!, name: 'lab/app', repository: 'docker.io/lab/app' };
    expect(addImage(c, entry)).to.deep.equal({ ok: true });
    expect(findImage(c, 'lab/app:v2')?.name).to.equal('lab/app');
    expect(findImage(undefined, 'lab/app')).to.equal(undefined);
    const bad = addImage(c, { ...entry, digest: 'nope' });
    // digest must be sha256:<64 hex>
    expect(bad.ok).to.equal(false);
  });
});
