// PeerTube's tracker mounted as PeerTube mounts it: @peertube/bittorrent-tracker-server with its
// own servers off, a WebSocket server on /tracker/socket only, the client's address set on the
// socket. The filter admits every info hash (PeerTube's asks its database: this is the cheaper side).
// Run by bench/tracker.sh: node peertube-tracker.mjs <port>
import http from 'node:http'
import { Server as TrackerServer } from '@peertube/bittorrent-tracker-server'
import { WebSocketServer } from 'ws'

const port = Number(process.argv[2])
// TrackerLoad runs `jcmd PID GC.run` on the server to read a JVM's heap: jcmd sends SIGQUIT, which would end node.
process.on('SIGQUIT', () => {})
const tracker = new TrackerServer({ http: false, udp: false, ws: false, filter: (infoHash, params, cb) => cb() })
tracker.on('error', err => console.error('tracker error', err.message))
tracker.on('warning', () => {})
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', (ws, req) => {
  ws.ip = req.socket.remoteAddress
  tracker.onWebSocketConnection(ws)
})
const server = http.createServer((req, res) => { res.writeHead(404); res.end() })
server.on('upgrade', (req, socket, head) => {
  if (req.url !== '/tracker/socket') return socket.destroy()
  wss.handleUpgrade(req, socket, head, ws => wss.emit('connection', ws, req))
})
server.listen(port, '127.0.0.1', () => console.log(`READY peertube tracker on ${port}`))
