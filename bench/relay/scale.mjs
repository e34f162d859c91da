// One room over several relays sharing it through one redis-server, with participants from several
// `palabre loadgen` processes (issue 20: "one hundred thousand participants in one room"). Each relay
// and each load generator stays under the machine's open-files limit (20,000 here).
//
//   node bench/relay/scale.mjs --participants N [--relays R] [--duration 10] [--tally-ms 1000]
//                              [--palabre build/native/src/cli/palabre] [--json FILE]
//
// One loadgen makes the room and holds the host and the kiosk (on the first relay); the others join
// it with up to 19,000 participants each, spread round-robin over every relay. Once all are in, they
// start together (a "go" file): every participant votes once within --duration seconds, the host
// publishes the tally to everyone every --tally-ms. Reported: every vote at the host? every tally at
// every participant? p50/p99 vote→host, tally→participant, each relay's CPU and memory per
// connection, Redis's CPU, and deliveries (frames the participants and staff received) per relay
// CPU-second. Exit 0 when every vote and every tally arrived.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '20000' },
    relays: { type: 'string' },
    'per-loadgen': { type: 'string', default: '19000' },
    duration: { type: 'string', default: '10' },
    'tally-ms': { type: 'string', default: '1000' },
    palabre: { type: 'string', default: 'build/native/src/cli/palabre' },
    json: { type: 'string' },
  },
});
const n = Number(args.participants);
const perLoadgen = Number(args['per-loadgen']);
const relayCount = Number(args.relays ?? Math.max(5, Math.ceil(n / 18000)));
const dir = mkdtempSync(join(tmpdir(), 'palabre-scale-'));
const children = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function start(cmd, argv, name) {
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.name = name;
  child.out = '';
  child.err = '';
  child.stdout.on('data', (d) => { child.out += d; });
  child.stderr.on('data', (d) => { child.err += d; });
  child.done = new Promise((r) => child.on('exit', (code) => r(code)));
  children.push(child);
  return child;
}

async function waitFor(what, test, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = test();
    if (value) return value;
    await sleep(20);
  }
  throw new Error(`scale.mjs: ${what} not within ${ms / 1000} s`);
}

// CPU seconds and resident memory of a process, from /proc.
function usage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / 100;  // utime + stime, at USER_HZ = 100
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  return { cpu, rss_kib: rss };
}

const quantiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { max: s.at(-1) ?? 0, p50: s[Math.floor(s.length / 2)] ?? 0 };
};

try {
  const redisPort = 20000 + Math.floor(Math.random() * 20000);
  const redis = start('/usr/bin/redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], 'redis');
  await waitFor('redis-server', () => /Ready to accept connections/.test(redis.out), 15000);
  const relays = [];
  for (let i = 0; i < relayCount; ++i) {
    const relay = start(args.palabre, ['serve', '--port', '0', '--data', join(dir, `relay${i}`), '--redis', `redis://127.0.0.1:${redisPort}`], `relay${i}`);
    relay.port = Number(await waitFor(`relay ${i}`, () => /listening on http:\/\/[^:]+:(\d+)/.exec(relay.out)?.[1], 15000));
    relays.push(relay);
  }
  const relayList = relays.map((r) => `127.0.0.1:${r.port}`).join(',');
  const before = relays.map((r) => usage(r.pid));
  const redisBefore = usage(redis.pid);
  const go = join(dir, 'go');
  const common = ['loadgen', '--relays', relayList, '--duration', args.duration, '--tally-ms', args['tally-ms'], '--go-file', go, '--json'];

  const started = Date.now();
  const staffReady = join(dir, 'staff.ready');
  const staff = start(args.palabre, [...common, '--participants', '0', '--room-participants', String(n), '--ready-file', staffReady], 'staff');
  const room = (await waitFor('the room', () => existsSync(staffReady) && JSON.parse(readFileSync(staffReady, 'utf8')).room, 30000));
  const loadgens = [];
  for (let first = 0; first < n; first += perLoadgen) {
    const count = Math.min(perLoadgen, n - first);
    const ready = join(dir, `loadgen${loadgens.length}.ready`);
    const g = start(args.palabre, [...common, '--join', room, '--participants', String(count), '--index-base', String(first), '--ready-file', ready], `loadgen${loadgens.length}`);
    g.ready = ready;
    loadgens.push(g);
  }
  const readies = await waitFor('every participant', () => (loadgens.every((g) => existsSync(g.ready)) ? loadgens.map((g) => JSON.parse(readFileSync(g.ready, 'utf8'))) : null), 600000);
  const connectSeconds = (Date.now() - started) / 1000;
  await sleep(500);  // the last joins settle
  const connected = relays.map((r) => usage(r.pid));
  writeFileSync(go, 'go\n');
  const codes = await Promise.all([staff.done, ...loadgens.map((g) => g.done)]);
  const after = relays.map((r) => usage(r.pid));
  const redisAfter = usage(redis.pid);

  const parse = (g) => { try { return JSON.parse(g.out.trim().split('\n').at(-1)); } catch { return { error: g.err.slice(-500) }; } };
  const staffReport = parse(staff);
  const reports = loadgens.map(parse);
  const sum = (key) => reports.reduce((s, r) => s + (r[key] ?? 0), 0);
  const perRelay = relays.map((r, i) => {
    const members = Math.floor(n / relayCount) + (i < n % relayCount ? 1 : 0) + (i === 0 ? 2 : 0);
    return {
      port: r.port,
      connections: members,
      cpu_seconds_burst: +(after[i].cpu - connected[i].cpu).toFixed(2),
      cpu_seconds_connect: +(connected[i].cpu - before[i].cpu).toFixed(2),
      rss_kib: connected[i].rss_kib,
      kib_per_connection: +((connected[i].rss_kib - before[i].rss_kib) / members).toFixed(2),
      // What the relay's log says it refused or cut: slow readers dropped, floods, storage errors.
      logged: Object.fromEntries(['drop', 'abuse', 'storage_error', 'removed'].map((e) => [e, (r.err.match(new RegExp(`"event":"${e}"`, 'g')) ?? []).length])),
      storage_errors: r.err.split('\n').filter((l) => l.includes('"event":"storage_error"')).slice(0, 3),
    };
  });
  const relayCpu = perRelay.reduce((s, r) => s + r.cpu_seconds_burst, 0);
  const deliveries = sum('frames_in') + (staffReport.frames_in ?? 0);
  const published = staffReport.tallies_published ?? 0;
  const summary = {
    participants: n,
    relays: relayCount,
    loadgens: loadgens.length + 1,
    duration_s: Number(args.duration),
    tally_ms: Number(args['tally-ms']),
    connected: readies.reduce((s, r) => s + r.connected, 0),
    connect_failed: readies.reduce((s, r) => s + r.failed, 0),
    connect_seconds: +connectSeconds.toFixed(1),
    votes_sent: sum('events_sent'),
    acks: sum('acks'),
    delivered_to_host: staffReport.delivered_to_host,
    delivered_to_kiosk: staffReport.delivered_to_kiosk,
    to_host: staffReport.to_host,
    to_kiosk: staffReport.to_kiosk,
    tallies_published: published,
    tallies_got_min: Math.min(...reports.map((r) => r.tallies_got_min ?? 0)),
    every_tally_to_everyone: reports.every((r) => (r.tallies_got_min ?? 0) >= published),
    tally_to_participant_p99_ms: quantiles(reports.map((r) => r.tally_to_participant?.p99_ms ?? 0)),
    ack_p99_ms: quantiles(reports.map((r) => r.ack?.p99_ms ?? 0)),
    relay_cpu_seconds_burst: +relayCpu.toFixed(2),
    redis_cpu_seconds_burst: +(redisAfter.cpu - redisBefore.cpu).toFixed(2),
    deliveries,
    deliveries_per_relay_cpu_second: Math.round(deliveries / Math.max(relayCpu, 0.01)),
    loadgen_cpu_seconds: +(reports.reduce((s, r) => s + (r.loadgen_cpu_seconds ?? 0), 0) + (staffReport.loadgen_cpu_seconds ?? 0)).toFixed(1),
    relay_log_events: Object.fromEntries(['drop', 'abuse', 'storage_error', 'removed'].map((e) => [e, perRelay.reduce((t, r) => t + r.logged[e], 0)])),
    per_relay: perRelay,
    exit_codes: codes,
  };
  summary.every_vote_at_host = summary.delivered_to_host >= n;
  console.log(JSON.stringify(summary, null, 2));
  if (args.json) writeFileSync(args.json, JSON.stringify(summary) + '\n');
  process.exitCode = summary.every_vote_at_host && summary.every_tally_to_everyone ? 0 : 1;
} catch (e) {
  console.error(e.message);
  for (const c of children) if (c.err) console.error(`${c.name}: ${c.err.slice(-400)}`);
  process.exitCode = 2;
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await sleep(500);
  rmSync(dir, { recursive: true, force: true });
}
