import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseWorld, addWorldHost, findWorldHostByName, worldServeHttp } from './world.ts';
import { DEFAULT_WORLD, GOOGLE_301_BODY } from './world-default.ts';
import { WORLD_SCHEMA } from './world-schema.ts';
import { TestCluster } from './testdata/builder.ts';
import { connect } from './connect.ts';
import { TERMINAL_PEER } from './types.ts';

const root = new URL('../../', import.meta.url);

describe('the outside world fixture', () => {
  it('fixtures/world.yaml validates and equals the built-in default', () => {
    const r = parseWorld(readFileSync(new URL('fixtures/world.yaml', root), 'utf8'));
    expect(r.ok && r.world).to.deep.equal(DEFAULT_WORLD);
  });
  it('schemas/world.schema.json is WORLD_SCHEMA', () => {
    expect(JSON.parse(readFileSync(new URL('schemas/world.schema.json', root), 'utf8'))).to.deep.equal(WORLD_SCHEMA);
  });
  it('rejects a bad fixture with a path, without throwing', () => {
    const r = parseWorld('hosts:\n- name: x\n  ip: 999.1.1.1\n');
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.errors[0]).to.match(/^\/hosts\/0\/ip: /);
    expect(parseWorld('{').ok).to.equal(false);
  });
  it("google.com's 301 is Google's real body (219 bytes) with a Location", () => {
    const t = new TestCluster();
    const g = findWorldHostByName(t.cluster, 'google.com.')!;
    const res = worldServeHttp(t.cluster, g, { method: 'GET', path: '/', headers: [] })!;
    expect([res.status, res.reason, res.body]).to.deep.equal([301, 'Moved Permanently', GOOGLE_301_BODY]);
    expect(res.headers).to.deep.include(['Content-Length', '219']);
    expect(res.headers).to.deep.include(['Date', 'Mon, 05 Jan 2026 09:00:00 GMT']);
  });
  it('a lab can add a host', () => {
    const t = new TestCluster();
    addWorldHost(t.cluster, { name: 'db.example.com', ip: '198.51.100.7', ports: [5432] });
    expect(connect(t.cluster, TERMINAL_PEER, '198.51.100.7', 5432, 'TCP').ok).to.equal(true);
  });
});
