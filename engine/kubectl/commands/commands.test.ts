/**
 * Each kubectl command on a booted default cluster, against goldens taken
 * from kubectl's sources (kubernetes/kubectl v0.33.5, paths in each row) and
 * the course chapter's transcripts (/work/shared/seeds/k8s-networking-services.md).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Bench } from '../testdata/harness.ts';
import { containerRuntime } from '../../images/runtime.ts';
import type { CommandHandler } from '../../shell/command.ts';

const MYSERVICE = `apiVersion: v1
kind: Service
metadata:
  labels:
    hello: world
  name: myservice
spec:
  ports:
  - port: 8080
    protocol: TCP
    targetPort: 80
  selector:
    run: mynginx
`;

/** Stand-ins for the image binaries (the lab wires the real ones). */
function benchWithBinaries(): Bench {
  const b = new Bench();
  const hostname: CommandHandler = (ctx) => {
    ctx.stdout(`${ctx.host.kind === 'pod' ? ctx.host.pod : 'terminal'}\n`);
    return 0;
  };
  const falseCmd: CommandHandler = () => 1;
  const cat: CommandHandler = (ctx) => {
    ctx.stdout(ctx.fs.readText(ctx.argv[1]!));
    return 0;
  };
  containerRuntime(b.cluster).setBinaries({ hostname, false: falseCmd, cat });
  return b;
}

describe('kubectl run', () => {
  it('creates a pod labelled run=NAME (pkg/generate/versioned/run.go BasicPod)', () => {
    const b = new Bench();
    const r = b.kubectl('run', 'mynginx', '--image', 'nginx');
    expect(r.all).to.equal('pod/mynginx created\n');
    expect(r.code).to.equal(0);
    expect(b.cluster.store.get('Pod', 'default', 'mynginx')?.metadata.labels).to.deep.equal({ run: 'mynginx' });
  });

  it('--expose prints the Service first, then the Pod (run.go generateService before PrintObj(runObject))', () => {
    const b = new Bench();
    const r = b.kubectl('run', 'mynginx', '--image', 'nginx', '--expose', '--port', '80');
    expect(r.all).to.equal('service/mynginx created\npod/mynginx created\n');
    expect(b.cluster.store.get('Service', 'default', 'mynginx')?.spec.selector).to.deep.equal({ run: 'mynginx' });
  });

  it('--expose --dry-run=client -o yaml: Service, ---, Pod, as kubectl 1.33 prints them', () => {
    const b = new Bench();
    const r = b.kubectl('run', 'cluster-ip', '--image', 'nginx', '--expose', '--port', '80', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).to.equal(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  name: cluster-ip
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: cluster-ip
status:
  loadBalancer: {}
---
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: cluster-ip
  name: cluster-ip
spec:
  containers:
  - image: nginx
    name: cluster-ip
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    expect(b.cluster.store.get('Pod', 'default', 'cluster-ip')).to.equal(undefined);
  });

  it('-- COMMAND becomes args; --env, --labels and --restart land in the pod', () => {
    const b = new Bench();
    const r = b.kubectl('run', 'call', '--image', 'curlimages/curl', '--labels', 'app=x', '--env', 'A=1', '--restart', 'Never', '--dry-run=client', '-o', 'yaml', '--', 'curl', '-s', 'google-svc');
    expect(r.stdout).to.equal(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    app: x
  name: call
spec:
  containers:
  - args:
    - curl
    - -s
    - google-svc
    env:
    - name: A
      value: "1"
    image: curlimages/curl
    name: call
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
  });

  const errors: Array<[string, string[], string]> = [
    ['no --image (cobra MarkFlagRequired)', ['run', 'x'], 'error: required flag(s) "image" not set\n'],
    ['--expose without --port', ['run', 'x', '--image', 'nginx', '--expose'], "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n"],
    ['bad --restart', ['run', 'x', '--image', 'nginx', '--restart', 'Sometimes'], "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    ['bad image reference', ['run', 'x', '--image', 'Nginx'], 'error: Invalid image name "Nginx": invalid reference format\n'],
    ['bad --dry-run', ['run', 'x', '--image', 'nginx', '--dry-run=maybe'], 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
    ['a missing namespace', ['run', 'x', '-n', 'nope', '--image', 'nginx'], 'Error from server (NotFound): namespaces "nope" not found\n'],
  ];
  for (const [name, argv, want] of errors) {
    it(`error: ${name}`, () => {
      const r = new Bench().kubectl(...argv);
      expect(r.stderr).to.equal(want);
      expect(r.code).to.equal(1);
    });
  }

  it('AlreadyExists for a second pod of the same name', () => {
    const b = new Bench();
    b.kubectl('run', 'x', '--image', 'nginx');
    expect(b.kubectl('run', 'x', '--image', 'nginx').stderr).to.equal('Error from server (AlreadyExists): pods "x" already exists\n');
  });
});

describe('kubectl create', () => {
  it('deployment --dry-run=client -o yaml (create_deployment.go)', () => {
    const r = new Bench().kubectl('create', 'deployment', 'web', '--image', 'nginx', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).to.equal(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
  });

  it('deployment, namespace, service: the `created` lines', () => {
    const b = new Bench();
    expect(b.kubectl('create', 'deployment', 'web', '--image', 'nginx', '--replicas', '2').all).to.equal('deployment.apps/web created\n');
    expect(b.kubectl('create', 'namespace', 'x').all).to.equal('namespace/x created\n');
    expect(b.kubectl('create', 'ns', 'x').all).to.equal('Error from server (AlreadyExists): namespaces "x" already exists\n');
    expect(b.kubectl('create', 'service', 'nodeport', 'np', '--tcp=80:8080').all).to.equal('service/np created\n');
    expect(b.cluster.store.list('Pod', 'default').length).to.equal(2);
  });

  it('deployment that exists: wrapped as `failed to create deployment`', () => {
    const b = new Bench();
    b.kubectl('create', 'deployment', 'web', '--image', 'nginx');
    expect(b.kubectl('create', 'deployment', 'web', '--image', 'nginx').stderr).to.equal('error: failed to create deployment: deployments.apps "web" already exists\n');
  });

  it('namespace --dry-run=client -o yaml (create_namespace.go)', () => {
    expect(new Bench().kubectl('create', 'ns', 'x', '--dry-run=client', '-o', 'yaml').stdout).to.equal('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: x\nspec: {}\nstatus: {}\n');
  });

  it('-f: AlreadyExists names the file', () => {
    const b = new Bench();
    b.write('svc.yaml', MYSERVICE);
    expect(b.kubectl('create', '-f', 'svc.yaml').all).to.equal('service/myservice created\n');
    const r = b.kubectl('create', '-f', 'svc.yaml');
    expect(r.stderr).to.equal('Error from server (AlreadyExists): error when creating "svc.yaml": services "myservice" already exists\n');
    expect(r.code).to.equal(1);
  });
});

describe('kubectl apply', () => {
  it('created, unchanged, configured', () => {
    const b = new Bench();
    b.write('K8S/CH05/myservice.yaml', MYSERVICE);
    expect(b.kubectl('apply', '-f', 'K8S/CH05/myservice.yaml').all).to.equal('service/myservice created\n');
    expect(b.kubectl('apply', '-f', 'K8S/CH05/myservice.yaml').all).to.equal('service/myservice unchanged\n');
    b.write('K8S/CH05/myservice.yaml', MYSERVICE.replace('8080', '9090'));
    expect(b.kubectl('apply', '-f', 'K8S/CH05').all).to.equal('service/myservice configured\n');
  });

  it('a multi-document file applies in order (chapter: service then pod)', () => {
    const b = new Bench();
    b.write('np.yaml', `apiVersion: v1
kind: Service
metadata:
  name: node-port
spec:
  type: NodePort
  ports:
  - port: 8080
    targetPort: 80
    nodePort: 30080
  selector:
    run: node-port
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: node-port
  name: node-port
spec:
  containers:
  - image: nginx
    name: nginx
`);
    expect(b.kubectl('apply', '-f', 'np.yaml').all).to.equal('service/node-port created\npod/node-port created\n');
  });

  it('one invalid object: checkErr rebuilds the Invalid message; exit 1', () => {
    const b = new Bench();
    b.write('bad.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n');
    const r = b.kubectl('apply', '-f', 'bad.yaml');
    expect(r.stderr).to.equal('The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n');
    expect(r.code).to.equal(1);
  });

  it('good documents still apply when others fail; the errors follow as an aggregate', () => {
    const b = new Bench();
    b.write('mixed.yaml', 'apiVersion: v1\nkind: Servic\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    const r = b.kubectl('apply', '-f', 'mixed.yaml');
    expect(r.stdout).to.equal('pod/ok created\n');
    expect(r.stderr).to.equal('error: resource mapping not found for name: "x" namespace: "" from "mixed.yaml": no matches for kind "Servic" in version "v1"\nensure CRDs are installed first\n');
    expect(r.code).to.equal(1);
  });

  it('a path that does not exist', () => {
    expect(new Bench().kubectl('apply', '-f', 'nope.yaml').stderr).to.equal('error: the path "nope.yaml" does not exist\n');
  });
});

describe('kubectl get', () => {
  it('the chapter: pods -owide after run, svc after apply', () => {
    const b = new Bench();
    b.kubectl('run', 'mynginx', '--image', 'nginx');
    const pods = b.kubectl('get', 'pod', '-owide').stdout.split('\n');
    expect(pods[0]).to.equal('NAME      READY   STATUS    RESTARTS   AGE   IP          NODE     NOMINATED NODE   READINESS GATES');
    expect(pods[1]).to.match(/^mynginx   1\/1     Running   0          0s    10\.42\.\d+\.\d+ +\S+ +<none>           <none>$/);
    const labels = b.kubectl('get', 'pods', '--show-labels').stdout;
    expect(labels).to.equal('NAME      READY   STATUS    RESTARTS   AGE   LABELS\nmynginx   1/1     Running   0          0s    run=mynginx\n');
  });

  it('nodes with --no-headers', () => {
    const r = new Bench().kubectl('get', 'nodes', '--no-headers');
    // without the header row, STATUS is only as wide as `Ready` + 3
    expect(r.stdout).to.match(/^master    Ready   control-plane,master   \S+ +v1\.33\.5\+k3s1\nworker1   Ready   <none>                 \S+ +v1\.33\.5\+k3s1\n$/);
  });

  it('-l selects (chapter: -n kube-system -l k8s-app=kube-dns)', () => {
    const r = new Bench().kubectl('get', 'pod', '-n', 'kube-system', '-l', 'k8s-app=kube-dns', '-o', 'name');
    expect(r.stdout).to.match(/^pod\/coredns-[a-z0-9]+-[a-z0-9]{5}\n$/);
  });

  it('jsonpath on one object prints no newline (chapter: node address)', () => {
    const b = new Bench();
    expect(b.kubectl('get', 'node', 'master', '-ojsonpath={.status.addresses[0].address}').stdout).to.equal('192.168.164.130');
    expect(b.kubectl('get', 'node', 'worker1', "-ojsonpath='{.status.addresses[0].address}'").stdout).to.equal("'192.168.164.131'");
  });

  it('-o yaml of a list wraps the items in a List (get.go printGeneric)', () => {
    const b = new Bench();
    expect(b.kubectl('get', 'pods', '-o', 'yaml').stdout).to.equal('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(b.kubectl('get', 'pods', '-o', 'json').stdout).to.equal('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });

  it('custom-columns', () => {
    const r = new Bench().kubectl('get', 'nodes', '-o', 'custom-columns=NAME:.metadata.name,IP:.status.addresses[0].address');
    expect(r.stdout).to.equal('NAME      IP\nmaster    192.168.164.130\nworker1   192.168.164.131\n');
  });

  it('`all` in a fresh namespace: only service/kubernetes, with its kind prefix', () => {
    const r = new Bench().kubectl('get', 'all');
    expect(r.stdout).to.match(/^NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT\(S\)   AGE\nservice\/kubernetes   ClusterIP   10\.43\.0\.1    <none>        443\/TCP   \S+\n$/);
  });

  it('several names: found ones print, missing ones error after (exit 1)', () => {
    const b = new Bench();
    b.kubectl('run', 'a', '--image', 'nginx');
    const r = b.kubectl('get', 'pods', 'a', 'nope', '-o', 'name');
    expect(r.stdout).to.equal('pod/a\n');
    expect(r.stderr).to.equal('Error from server (NotFound): pods "nope" not found\n');
    expect(r.code).to.equal(1);
  });

  const messages: Array<[string, string[], string, number]> = [
    ['nothing in the namespace', ['get', 'pods'], 'No resources found in default namespace.\n', 0],
    ['nothing with -n', ['get', 'pods', '-n', 'kube-public'], 'No resources found in kube-public namespace.\n', 0],
    ['one missing name', ['get', 'pod', 'x'], 'Error from server (NotFound): pods "x" not found\n', 1],
    ['unknown resource type', ['get', 'foo'], 'error: the server doesn\'t have a resource type "foo"\n', 1],
    ['unknown flag', ['get', 'pods', '--foo'], "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", 1],
    ['unknown output format', ['get', 'pods', '-o', 'foo'], 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n', 1],
    ['no resource type', ['get'], 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n', 1],
    ['unknown command', ['frobnicate'], 'error: unknown command "frobnicate" for "kubectl"\n', 1],
  ];
  for (const [name, argv, want, code] of messages) {
    it(`message: ${name}`, () => {
      const r = new Bench().kubectl(...argv);
      expect(r.stderr).to.equal(want);
      expect(r.code).to.equal(code);
    });
  }
});

describe('kubectl delete', () => {
  it('one object, then NotFound; --all; nothing left', () => {
    const b = new Bench();
    b.kubectl('run', 'a', '--image', 'nginx');
    b.kubectl('run', 'b', '--image', 'nginx');
    expect(b.kubectl('delete', 'pod', 'a').all).to.equal('pod "a" deleted\n');
    expect(b.kubectl('delete', 'pod', 'a').all).to.equal('Error from server (NotFound): pods "a" not found\n');
    expect(b.kubectl('delete', 'pod', '--all').all).to.equal('pod "b" deleted\n');
    expect(b.kubectl('delete', 'pod', '--all').all).to.equal('No resources found\n');
  });

  it('a type without a name', () => {
    expect(new Bench().kubectl('delete', 'pod').stderr).to.equal('error: resource(s) were provided, but no name was specified\n');
  });

  it('-f deletes what the file names; -l selects', () => {
    const b = new Bench();
    b.write('svc.yaml', MYSERVICE);
    b.kubectl('apply', '-f', 'svc.yaml');
    expect(b.kubectl('delete', '-f', 'svc.yaml').all).to.equal('service "myservice" deleted\n');
    b.kubectl('run', 'x', '--image', 'nginx', '--labels', 'app=x');
    expect(b.kubectl('delete', 'pods', '-l', 'app=x').all).to.equal('pod "x" deleted\n');
  });
});

describe('kubectl label, scale, expose', () => {
  it('label: overwrite rules and messages (label.go)', () => {
    const b = new Bench();
    b.kubectl('run', 'x', '--image', 'nginx');
    expect(b.kubectl('label', 'pod', 'x', 'run=y').stderr).to.equal("error: 'run' already has a value (x), and --overwrite is false\n");
    expect(b.kubectl('label', 'pod', 'x', 'run=y', '--overwrite').all).to.equal('pod/x labeled\n');
    expect(b.kubectl('label', 'pod', 'x', 'tier=web').all).to.equal('pod/x labeled\n');
    expect(b.kubectl('label', 'pod', 'x', 'tier-').all).to.equal('pod/x unlabeled\n');
    expect(b.cluster.store.get('Pod', 'default', 'x')?.metadata.labels).to.deep.equal({ run: 'y' });
  });

  it('scale a deployment', () => {
    const b = new Bench();
    b.kubectl('create', 'deployment', 'web', '--image', 'nginx');
    expect(b.kubectl('scale', 'deployment', 'web', '--replicas', '3').all).to.equal('deployment.apps/web scaled\n');
    expect(b.cluster.store.list('Pod', 'default').length).to.equal(3);
    // kubectl pkg/cmd/scale/scale.go (v0.33.5) RunScale: no info found → `no objects passed to scale %w` around the builder's aggregate.
    expect(b.kubectl('scale', 'deploy', 'nope', '--replicas', '1').stderr).to.equal('error: no objects passed to scale deployments.apps "nope" not found\n');
    expect(b.kubectl('scale', 'deploy', 'a', 'b', '--replicas', '1').stderr).to.equal(
      'error: no objects passed to scale [deployments.apps "a" not found, deployments.apps "b" not found]\n',
    );
    // One found, one missing: the found one is scaled, then infoErr (an aggregate of one) is returned.
    const mixed = b.kubectl('scale', 'deploy', 'web', 'nope', '--replicas', '2');
    expect(mixed.stdout).to.equal('deployment.apps/web scaled\n');
    expect(mixed.stderr).to.equal('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('expose a pod: selector from its labels, port from --port', () => {
    const b = new Bench();
    b.kubectl('run', 'x', '--image', 'nginx');
    expect(b.kubectl('expose', 'pod', 'x', '--port', '80', '--target-port', '8080', '--type', 'NodePort').all).to.equal('service/x exposed\n');
    const svc = b.cluster.store.get('Service', 'default', 'x')!;
    expect(svc.spec.selector).to.deep.equal({ run: 'x' });
    expect(svc.spec.ports[0].targetPort).to.equal(8080);
    expect(svc.spec.type).to.equal('NodePort');
  });

  it('expose a pod without --port and without container ports', () => {
    const b = new Bench();
    b.kubectl('run', 'x', '--image', 'nginx');
    expect(b.kubectl('expose', 'pod', 'x').stderr).to.equal("error: couldn't find port via --port flag or introspection\n");
  });
});

describe('kubectl exec and logs', () => {
  it('runs argv in the container: output, and exit codes passed on', () => {
    const b = benchWithBinaries();
    b.kubectl('run', 'client', '--image', 'nginx');
    expect(b.kubectl('exec', 'client', '--', 'hostname').all).to.equal('client\n');
    const r = b.kubectl('exec', 'client', '--', 'false');
    expect(r.stderr).to.equal('command terminated with exit code 1\n');
    expect(r.code).to.equal(1);
    expect(b.kubectl('exec', 'client', '--', 'cat', '/etc/hostname').stdout).to.equal('client\n');
  });

  it('a binary the image lacks: containerd/runc error with a 64-hex exec id', () => {
    const b = benchWithBinaries();
    b.kubectl('run', 'client', '--image', 'nginx');
    const r = b.kubectl('exec', 'client', '--', 'nslookup', 'myservice');
    expect(r.stderr).to.match(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in \$PATH: unknown\n$/,
    );
    expect(r.code).to.equal(1);
  });

  it('-it without a terminal warns and goes on (exec.go SetupTTY)', () => {
    const b = benchWithBinaries();
    b.kubectl('run', 'client', '--image', 'nginx');
    expect(b.kubectl('exec', '-it', 'client', '--', 'hostname').all).to.equal('Unable to use a TTY - input is not a terminal or the right kind of file\nclient\n');
  });

  const errors: Array<[string, string[], string]> = [
    ['no --', ['exec', 'client', 'hostname'], "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"],
    ['no command', ['exec', 'client'], 'error: you must specify at least one command for the container\n'],
    ['missing pod', ['exec', 'nope', '--', 'hostname'], 'Error from server (NotFound): pods "nope" not found\n'],
  ];
  for (const [name, argv, want] of errors) {
    it(`error: ${name}`, () => {
      const b = benchWithBinaries();
      b.kubectl('run', 'client', '--image', 'nginx');
      expect(b.kubectl(...argv).stderr).to.equal(want);
    });
  }

  it('logs: the container log; --previous without a restart is the kubelet BadRequest', () => {
    const b = new Bench();
    b.kubectl('run', 'web', '--image', 'nginx');
    expect(b.kubectl('logs', 'web').stdout).to.contain('Configuration complete; ready for start up');
    expect(b.kubectl('logs', 'web', '--previous').stderr).to.equal('Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n');
    expect(b.kubectl('logs', 'nope').stderr).to.equal('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl version and cluster-info', () => {
  it('version as k3s ships it', () => {
    expect(new Bench().kubectl('version').stdout).to.equal('Client Version: v1.33.5+k3s1\nKustomize Version: v5.6.0\nServer Version: v1.33.5+k3s1\n');
  });
  it('cluster-info lists the cluster-service Services of kube-system (clusterinfo.go)', () => {
    expect(new Bench().kubectl('cluster-info').stdout).to.equal(
      'Kubernetes control plane is running at https://127.0.0.1:6443\n' +
        'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        'Metrics-server is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/https:metrics-server:https/proxy\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});
