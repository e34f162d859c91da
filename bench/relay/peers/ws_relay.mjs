// The relay a developer would write on `ws` (issue 7): votes to the staff (host, kiosk), an ack to
// the sender, the tally to every participant every 250 ms. Prints "listening on PORT".
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) });
const staff = new Set();
const tally = [0, 0, 0, 0, 0, 0];
wss.on('connection', (ws, req) => {
  if (req.url.includes('role=staff')) staff.add(ws);
  ws.on('close', () => staff.delete(ws));
  ws.on('message', (data) => {
    const m = JSON.parse(data);
    if (m.t !== 'vote') return;
    tally[m.value] += 1;
    const out = JSON.stringify({ t: 'vote', from: m.from, value: m.value, k: m.k, t0: m.t0 });
    for (const s of staff) s.send(out);
    ws.send(JSON.stringify({ t: 'ack', cid: m.k }));
  });
});
setInterval(() => {
  const out = JSON.stringify({ t: 'tally', tally, t0: Number(process.hrtime.bigint() / 1000n) });
  for (const c of wss.clients) if (!staff.has(c)) c.send(out);
}, 250);
wss.on('listening', () => console.log(`listening on ${wss.address().port}`));
