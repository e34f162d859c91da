// The same relay on socket.io (issue 7): votes to the staff room, an ack callback to the sender,
// the tally to every participant every 250 ms. Prints "listening on PORT".
import { createServer } from 'node:http';
import { Server } from 'socket.io';
const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
const tally = [0, 0, 0, 0, 0, 0];
io.on('connection', (socket) => {
  socket.join(socket.handshake.query.role === 'staff' ? 'staff' : 'participants');
  socket.on('vote', (m, ack) => {
    tally[m.value] += 1;
    io.to('staff').emit('vote', { from: m.from, value: m.value, k: m.k, t0: m.t0 });
    ack({ cid: m.k });
  });
});
setInterval(() => {
  io.to('participants').emit('tally', { tally, t0: Number(process.hrtime.bigint() / 1000n) });
}, 250);
http.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log(`listening on ${http.address().port}`));
