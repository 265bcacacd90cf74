/**
 * Goldens for the forms added in the fidelity audit: `api-resources`
 * (kubernetes/kubectl pkg/cmd/apiresources/apiresources.go v0.33.5), `get
 * --sort-by` (pkg/cmd/get/get.go + sorter.go), `label KEY-` of an absent
 * label (pkg/cmd/label/label.go: `label %q not found.`), and the 1.33 API
 * server's Endpoints deprecation warning (KEP-4974, printed by client-go's
 * deduplicating WarningWriter as `Warning: <text>` on stderr).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Bench } from '../testdata/harness.ts';

const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

describe('kubectl api-resources', () => {
  it('the table, sorted by group then name', () => {
    const r = new Bench().kubectl('api-resources', '--api-group', 'apps');
    expect(r.all).to.equal(
      [
        'NAME           SHORTNAMES   APIVERSION   NAMESPACED   KIND',
        'daemonsets     ds           apps/v1      true         DaemonSet',
        'deployments    deploy       apps/v1      true         Deployment',
        'replicasets    rs           apps/v1      true         ReplicaSet',
        'statefulsets   sts          apps/v1      true         StatefulSet',
        '',
      ].join('\n'),
    );
  });

  it('--namespaced=false and -o name', () => {
    expect(new Bench().kubectl('api-resources', '--namespaced=false', '-o', 'name').all).to.equal('namespaces\nnodes\n');
  });

  it('the core group comes first', () => {
    const lines = new Bench().kubectl('api-resources', '--no-headers').stdout.split('\n');
    expect(lines[0]).to.match(/^configmaps\s+cm\s+v1\s+true\s+ConfigMap$/);
  });

  it('Validate: output and sort-by', () => {
    const b = new Bench();
    expect(b.kubectl('api-resources', '-o', 'json').stderr).to.equal('error: --output json is not available\n');
    expect(b.kubectl('api-resources', '--sort-by', 'age').stderr).to.equal('error: --sort-by accepts only name or kind\n');
  });
});

describe('kubectl get --sort-by', () => {
  it('sorts the rows of each table by the field', () => {
    const b = new Bench();
    const r = b.kubectl('get', 'svc', '-A', '--sort-by=.spec.clusterIP', '-o', 'custom-columns=NAME:.metadata.name,IP:.spec.clusterIP');
    expect(r.stdout.split('\n')[1]).to.match(/^kubernetes\s+10\.43\.0\.1$/);
    expect(r.stdout.split('\n')[2]).to.match(/^kube-dns\s+10\.43\.0\.10$/);
  });

  it('a field no object has', () => {
    expect(new Bench().kubectl('get', 'nodes', '--sort-by=.metadata.nope').stderr).to.equal(
      'error: couldn\'t find any field with path "{.metadata.nope}" in the list of objects\n',
    );
  });
});

describe('kubectl label KEY- of a label the object lacks', () => {
  it('says so before `not labeled`', () => {
    const b = new Bench();
    b.kubectl('run', 'x', '--image', 'nginx');
    expect(b.kubectl('label', 'pod', 'x', 'tier-').all).to.equal('label "tier" not found.\npod/x not labeled\n');
    expect(b.kubectl('label', 'pod', 'x', 'tier-', '--dry-run=client').all).to.equal('pod/x not labeled (dry run)\n');
  });
});

describe('API warnings', () => {
  it('every request on Endpoints warns once, before the output', () => {
    const b = new Bench();
    expect(b.kubectl('get', 'ep', 'kubernetes', '-o', 'name').all).to.equal(`${ENDPOINTS_WARNING}endpoints/kubernetes\n`);
    expect(b.kubectl('get', 'ep', 'nope').all).to.equal(`${ENDPOINTS_WARNING}Error from server (NotFound): endpoints "nope" not found\n`);
    expect(b.kubectl('get', 'svc', 'kubernetes', '-o', 'name').all).to.equal('service/kubernetes\n');
  });
});
