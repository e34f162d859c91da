// Side-by-side vote burst against `palabre serve`, the `ws` relay and the `socket.io` relay
// (issue 7), with the same scenario, machine and client library family for all three.
//
// One coordinator process starts each relay in turn, then forks one "staff" process (host + kiosk)
// and --workers participant processes, so that no single load-generator thread is the bottleneck.
// Latencies cross processes through CLOCK_MONOTONIC (process.hrtime), shared by every process of
// the machine: a vote carries its send time `t0` (µs) and the host computes now − t0 itself.
//
// Scenario: N participants connect, then each votes once at a uniformly random moment within
// --duration seconds. Votes reach the staff; each sender gets an ack; every participant gets a
// tally every 250 ms (ws/socket.io: the relay sends it; palabre: the host publishes it as a public
// event, as the app does, and the relay fans it out).
//
// usage: node loadgen.mjs --palabre PATH_TO_palabre [--relays palabre,ws,socketio]
//          [--participants 10000] [--duration 10] [--workers 6] [--json OUT.json]
//          [--serve 'more palabre serve options']
//
// [SECTION] Options and helpers
// [SECTION] Clients per protocol
// [SECTION] Staff process (host + kiosk)
// [SECTION] Participant worker
// [SECTION] Coordinator
import { fork, spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { io as ioClient } from 'socket.io-client';

// [SECTION] Options and helpers --------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv) {
  const o = { relays: 'palabre,ws,socketio', participants: 10000, duration: 10, workers: 6, palabre: '', serve: '', json: '', role: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o)) throw new Error(`unknown option ${argv[i]}`);
    o[key] = typeof o[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return o;
}

function summary(samples) {
  if (!samples.length) return { n: 0, p50_ms: null, p99_ms: null, max_ms: null };
  const s = Float64Array.from(samples).sort();
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))] / 1000;
  return { n: s.length, p50_ms: +q(0.5).toFixed(2), p99_ms: +q(0.99).toFixed(2), max_ms: +(s[s.length - 1] / 1000).toFixed(2) };
}

function usageOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / 100;  // utime + stime, USER_HZ = 100
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number((status.match(new RegExp(`${name}:\\s+(\\d+)`)) ?? [0, 0])[1]);
    return { cpu, rss_kib: kib('VmRSS'), peak_rss_kib: kib('VmHWM') };
  } catch {
    return null;
  }
}

const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

// [SECTION] Clients per protocol -------------------------------------------------------------------
// Each returns { ready: Promise, vote(k, value), close() } and calls the handlers it is given:
// onVote(t0) at the staff, onAck(k), onTally(t0) at participants.

function palabreClient(port, { role, room, token, onVote, onAck, onTally, onCreated }) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: false });
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ws.on('error', (e) => rejectReady(e));
  ws.on('open', () => ws.send(JSON.stringify(role === 'host' ? { t: 'create' } : token ? { t: 'join', room, token } : { t: 'join', room })));
  ws.on('message', (data) => {
    // Frames are looked at as bytes first: the load generator must not be what is measured.
    if (data.indexOf('{"t":"events"') === 0) {
      if (onVote && data.indexOf('"rating.vote"') >= 0) {
        const now = nowUs();
        for (const env of JSON.parse(data).envs) if (env.ev.type === 'rating.vote') onVote(now - env.ev.t0);
      } else if (onTally && data.indexOf('"rating.results"') >= 0) {
        const now = nowUs();
        for (const env of JSON.parse(data).envs) if (env.ev.type === 'rating.results') onTally(now - env.ev.t0);
      }
      return;
    }
    const text = data.toString();
    if (text.startsWith('{"t":"ack"')) {
      onAck?.(JSON.parse(text).cid);
    } else if (text.startsWith('{"t":"joined"')) {
      resolveReady();
    } else if (text.startsWith('{"t":"created"')) {
      onCreated?.(JSON.parse(text));
      resolveReady();
    }
  });
  return {
    ready,
    vote: (k, value) => ws.send(JSON.stringify({ t: 'event', vis: 'staff', cid: k, ev: { type: 'rating.vote', value, k, t0: nowUs() } })),
    publish: (tally) => ws.send(JSON.stringify({ t: 'event', vis: 'public', ev: { type: 'rating.results', tally, t0: nowUs() } })),
    close: () => ws.terminate(),
  };
}

function wsClient(port, { role, onVote, onAck, onTally }) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/?role=${role === 'participant' ? 'participant' : 'staff'}`, { perMessageDeflate: false });
  const ready = new Promise((res, rej) => { ws.on('open', res); ws.on('error', rej); });
  ws.on('message', (data) => {
    const m = JSON.parse(data);
    if (m.t === 'vote') onVote?.(nowUs() - m.t0);
    else if (m.t === 'ack') onAck?.(m.cid);
    else if (m.t === 'tally') onTally?.(nowUs() - m.t0);
  });
  return {
    ready,
    vote: (k, value) => ws.send(JSON.stringify({ t: 'vote', from: `p${k}`, value, k, t0: nowUs() })),
    close: () => ws.terminate(),
  };
}

function socketioClient(port, { role, onVote, onAck, onTally }) {
  const socket = ioClient(`http://127.0.0.1:${port}`, {
    transports: ['websocket'], query: { role: role === 'participant' ? 'participant' : 'staff' },
    forceNew: true, reconnection: false, timeout: 60000,
  });
  const ready = new Promise((res, rej) => { socket.on('connect', res); socket.on('connect_error', rej); });
  socket.on('vote', (m) => onVote?.(nowUs() - m.t0));
  socket.on('tally', (m) => onTally?.(nowUs() - m.t0));
  return {
    ready,
    vote: (k, value) => socket.emit('vote', { from: `p${k}`, value, k, t0: nowUs() }, (a) => onAck?.(a.cid)),
    close: () => socket.disconnect(),
  };
}

const clientFor = { palabre: palabreClient, 'palabre-redis': palabreClient, ws: wsClient, socketio: socketioClient };

// [SECTION] Staff process (host + kiosk) -----------------------------------------------------------

async function runStaff(o) {
  const make = clientFor[o.relay];
  const host = [], kiosk = [];
  let created = null, seenHost = 0, seenKiosk = 0;
  const tally = [0, 0, 0, 0, 0, 0];
  const hostClient = make(o.port, {
    role: 'host',
    onCreated: (c) => { created = c; },
    onVote: (us) => { host.push(us); seenHost += 1; },
  });
  await hostClient.ready;
  const kioskClient = make(o.port, { role: 'kiosk', room: created?.room, token: created?.kiosk_token, onVote: (us) => { kiosk.push(us); seenKiosk += 1; } });
  await kioskClient.ready;
  process.send({ type: 'ready', room: created?.room ?? null });
  process.on('message', async (m) => {
    if (m.type !== 'start') return;
    let timer = null;
    if (o.relay.startsWith('palabre') && !process.env.NO_TALLY) {
      // The host publishes the tally as a public event every 250 ms while votes come in.
      await sleep(Math.max(0, (m.at - nowUs()) / 1000));
      timer = setInterval(() => hostClient.publish(tally), 250);
    }
    const deadline = m.at + (m.duration + 30) * 1e6;
    while ((seenHost < o.expected || seenKiosk < o.expected) && nowUs() < deadline) await sleep(20);
    await sleep(Math.max(0, (m.at + m.duration * 1e6 + 600e3 - nowUs()) / 1000));  // last tallies
    if (timer) clearInterval(timer);
    process.send({ type: 'done', host, kiosk, cpu: cpuSeconds() });
  });
}

// [SECTION] Participant worker ---------------------------------------------------------------------

async function runWorker(o) {
  const make = clientFor[o.relay];
  const first = o.first, count = o.count;
  const acks = [], tallies = [];
  const sentAt = new Map();
  const gotTally = new Uint8Array(count);
  let scenarioStart = Infinity, failed = 0, ackCount = 0;
  const clients = new Array(count);
  let next = 0;
  const connectOne = async () => {
    while (next < count) {
      const i = next++;
      const k = first + i;
      clients[i] = make(o.port, {
        role: 'participant', room: o.room,
        onAck: (cid) => { const t = sentAt.get(cid); if (t !== undefined) { acks.push(nowUs() - t); ackCount += 1; } },
        onTally: (us) => { if (nowUs() >= scenarioStart) { gotTally[i] = 1; tallies.push(us); } },
      });
      try { await clients[i].ready; } catch { failed += 1; }
      void k;
    }
  };
  await Promise.all(Array.from({ length: 64 }, connectOne));
  process.send({ type: 'connected', failed });
  process.on('message', async (m) => {
    if (m.type !== 'start') return;
    scenarioStart = m.at;
    for (let i = 0; i < count; ++i) {
      const k = first + i;
      const when = m.at + Math.random() * m.duration * 1e6;
      setTimeout(() => { sentAt.set(k, nowUs()); clients[i].vote(k, 1 + (k % 5)); }, Math.max(0, (when - nowUs()) / 1000));
    }
    const deadline = m.at + (m.duration + 30) * 1e6;
    while (ackCount < count - failed && nowUs() < deadline) await sleep(20);
    await sleep(Math.max(0, (m.at + m.duration * 1e6 + 600e3 - nowUs()) / 1000));
    let reached = 0;
    for (const g of gotTally) reached += g;
    process.send({ type: 'done', acks, tallies, reached, cpu: cpuSeconds() });
    setTimeout(() => process.exit(0), 200);
  });
}

// [SECTION] Coordinator ----------------------------------------------------------------------------

// "palabre-redis": a redis-server on a free port and two relays on it; the staff use the first
// relay, participants the second (`staffPort`), so every vote crosses Redis to reach the host.
async function startRelay(kind, o) {
  if (kind === 'palabre-redis') {
    const redisPort = 20000 + Math.floor(Math.random() * 20000);
    const redis = spawn('/usr/bin/redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' });
    await sleep(500);
    const extra = ['--redis', `redis://127.0.0.1:${redisPort}`];
    const staffRelay = await startOne('palabre', o, extra);
    const relay = await startOne('palabre', o, extra);
    return { ...relay, staffPort: staffRelay.port, others: [staffRelay.child, redis], data: [relay.data, staffRelay.data] };
  }
  return startOne(kind, o, []);
}

function startOne(kind, o, extra) {
  const data = kind === 'palabre' ? mkdtempSync(join(tmpdir(), 'palabre-peers-')) : null;
  const [cmd, args] = kind === 'palabre'
    ? [o.palabre, ['serve', '--port', '0', '--quiet', '--data', data, '--rate', '1000', '--burst', '1000',
        '--max-connections', '60000', '--max-room-connections', '60000', ...extra, ...o.serve.split(' ').filter(Boolean)]]
    : [process.execPath, [join(here, kind === 'ws' ? 'ws_relay.mjs' : 'socketio_relay.mjs'), '0']];
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (?:http:\/\/[^:]+:)?(\d+)/);
      if (m) resolve({ child, port: Number(m[1]), data });
    });
    child.on('exit', (code) => reject(new Error(`${kind} relay exited (${code})`)));
  });
}

function waitFor(child, type) {
  return new Promise((resolve, reject) => {
    const on = (m) => { if (m.type === type) { child.off('message', on); resolve(m); } };
    child.on('message', on);
    child.on('exit', (code) => { if (code) reject(new Error(`load process exited (${code})`)); });
  });
}

async function runOne(kind, o) {
  const relay = await startRelay(kind, o);
  const before = usageOf(relay.child.pid);
  const self = fileURLToPath(import.meta.url);
  const common = ['--relays', kind, '--participants', String(o.participants), '--duration', String(o.duration)];
  const staff = fork(self, [...common, '--role', 'staff'], { env: { ...process.env, LOADGEN: JSON.stringify({ relay: kind, port: relay.staffPort ?? relay.port, expected: o.participants }) } });
  const ready = await waitFor(staff, 'ready');
  const connectStart = nowUs();
  const workers = [];
  const per = Math.ceil(o.participants / o.workers);
  for (let w = 0; w < o.workers; ++w) {
    const first = w * per, count = Math.min(per, o.participants - first);
    if (count <= 0) break;
    workers.push(fork(self, [...common, '--role', 'worker'], {
      env: { ...process.env, LOADGEN: JSON.stringify({ relay: kind, port: relay.port, room: ready.room, first, count }) },
    }));
  }
  const connected = await Promise.all(workers.map((w) => waitFor(w, 'connected')));
  const connectSeconds = (nowUs() - connectStart) / 1e6;
  await sleep(1000);  // let presence and join traffic settle
  const atConnect = usageOf(relay.child.pid);
  const at = nowUs() + 500e3;
  const doneAll = [staff, ...workers].map((p) => waitFor(p, 'done'));
  for (const p of [staff, ...workers]) p.send({ type: 'start', at, duration: o.duration });
  const [staffDone, ...workersDone] = await Promise.all(doneAll);
  const after = usageOf(relay.child.pid);
  // palabre's own view: its fan-out histogram (event received → frames queued to every member).
  let fanout = null;
  if (kind.startsWith('palabre')) {
    try {
      const text = await (await fetch(`http://127.0.0.1:${relay.port}/metrics`)).text();
      const buckets = [...text.matchAll(/palabre_fanout_seconds_bucket\{le="([^"]+)"\} (\d+)/g)].map((m) => [m[1], Number(m[2])]);
      const count = buckets.at(-1)?.[1] ?? 0;
      const bound = (q) => (buckets.find(([, c]) => c >= q * count)?.[0] ?? '?');
      fanout = { events: count, p50_s_at_most: bound(0.5), p99_s_at_most: bound(0.99) };
    } catch { /* not essential */ }
  }
  relay.child.kill('SIGTERM');
  for (const other of relay.others ?? []) other.kill('SIGTERM');
  staff.kill();
  await sleep(300);
  for (const dir of [relay.data].flat()) if (dir) rmSync(dir, { recursive: true, force: true });
  const failed = connected.reduce((s, c) => s + c.failed, 0);
  const connections = o.participants - failed + 2;
  return {
    relay: kind,
    participants: o.participants,
    duration_s: o.duration,
    connected: o.participants - failed,
    connect_seconds: +connectSeconds.toFixed(1),
    acks: workersDone.reduce((s, w) => s + w.acks.length, 0),
    at_host: staffDone.host.length,
    at_kiosk: staffDone.kiosk.length,
    tally_reached_participants: workersDone.reduce((s, w) => s + w.reached, 0),
    vote_to_host: summary(staffDone.host),
    vote_to_kiosk: summary(staffDone.kiosk),
    ack: summary(workersDone.flatMap((w) => w.acks)),
    tally_to_participant: summary(workersDone.flatMap((w) => w.tallies)),
    relay_cpu_seconds_scenario: after && atConnect ? +(after.cpu - atConnect.cpu).toFixed(2) : null,
    relay_rss_kib: atConnect?.rss_kib,
    relay_rss_per_connection_kib: before && atConnect ? +((atConnect.rss_kib - before.rss_kib) / connections).toFixed(1) : null,
    relay_fanout: fanout,
    staff_cpu_seconds: +staffDone.cpu.toFixed(2),
    loadgen_cpu_seconds: +(staffDone.cpu + workersDone.reduce((s, w) => s + w.cpu, 0)).toFixed(2),
  };
}

async function coordinate(o) {
  const results = [];
  for (const kind of o.relays.split(',')) {
    if (kind.startsWith('palabre') && !o.palabre) throw new Error('--palabre PATH (the palabre binary) is needed');
    process.stderr.write(`loadgen: ${kind}, ${o.participants} participants voting within ${o.duration} s…\n`);
    const r = await runOne(kind, o);
    process.stderr.write(`${JSON.stringify(r)}\n`);
    results.push(r);
    await sleep(1000);
  }
  const base = results.find((r) => r.relay === 'palabre');
  const row = (r) => `| ${r.relay} | ${r.connected} | ${r.at_host} / ${r.acks} | ${r.tally_reached_participants} | ` +
    `${r.vote_to_host.p50_ms} / **${r.vote_to_host.p99_ms}** | ${r.ack.p50_ms} / **${r.ack.p99_ms}** | ` +
    `${r.tally_to_participant.p50_ms} / ${r.tally_to_participant.p99_ms} | ${r.relay_rss_per_connection_kib} | ${r.relay_cpu_seconds_scenario} | ` +
    (base && r !== base ? `${(r.vote_to_host.p99_ms / base.vote_to_host.p99_ms).toFixed(1)}× / ${(r.ack.p99_ms / base.ack.p99_ms).toFixed(1)}×` : '—') + ' |';
  const table = [
    '| relay | connected | votes at host / acks | participants reached by a tally | vote→host p50 / p99 ms | ack p50 / p99 ms | tally→participant p50 / p99 ms | relay KiB / conn | relay CPU s (burst) | p99 host / ack vs palabre |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(row),
  ].join('\n');
  console.log(table);
  if (o.json) writeFileSync(o.json, JSON.stringify(results, null, 2));
}

const o = parseArgs(process.argv.slice(2));
if (o.role) {
  Object.assign(o, JSON.parse(process.env.LOADGEN));
  (o.role === 'staff' ? runStaff(o) : runWorker(o)).catch((e) => { console.error(e); process.exit(1); });
} else {
  coordinate(o).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
}
