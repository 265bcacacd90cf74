import { describe, it } from 'node:test';
import { expect } from 'chai';
import { findImage } from './catalogue.ts';
import { classify, mainArgv } from './process.ts';

const rows: Array<{ name: string; image: string; command?: string[]; args?: string[]; kind: string; port?: number }> = [
  { name: 'nginx default is its server on 80', image: 'nginx', kind: 'server', port: 80 },
  { name: 'httpd default serves 80', image: 'httpd', kind: 'server', port: 80 },
  { name: 'busybox default sh exits at once', image: 'busybox', kind: 'exit' },
  { name: 'busybox sleep 3600 ends after an hour', image: 'busybox', command: ['sleep', '3600'], kind: 'timed' },
  { name: 'netshoot sleep infinity runs forever', image: 'nicolaka/netshoot', command: ['sleep', 'infinity'], kind: 'forever' },
  { name: 'netshoot default zsh exits', image: 'nicolaka/netshoot', kind: 'exit' },
  { name: 'curl image default runs curl (usage, exit 2)', image: 'curlimages/curl', kind: 'run' },
  { name: 'curl args go through entrypoint.sh to curl', image: 'curlimages/curl', args: ['curl', '-s', 'x'], kind: 'run' },
  { name: 'agnhost netexec --http-port=8081', image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', args: ['netexec', '--http-port=8081'], kind: 'server', port: 8081 },
  { name: 'agnhost serve-hostname on 9376', image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', args: ['serve-hostname'], kind: 'server', port: 9376 },
  { name: 'agnhost default pause', image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', kind: 'forever' },
  { name: 'sh -c with a while loop runs forever', image: 'busybox', command: ['sh', '-c', 'while true; do date; sleep 5; done'], kind: 'forever' },
  { name: 'a binary the image lacks fails to start', image: 'httpd', command: ['curl', 'x'], kind: 'not-found' },
];

describe('main process classification', () => {
  for (const r of rows) {
    it(r.name, () => {
      const img = findImage(undefined, r.image)!;
      const b = classify(img, mainArgv(img, { command: r.command, args: r.args }));
      expect(b.kind).to.equal(r.kind);
      if (r.port !== undefined && b.kind === 'server') expect(b.listen[0]!.port).to.equal(r.port);
    });
  }
});
