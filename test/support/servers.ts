/**
 * Real servers on 127.0.0.1 for the remote-reading tests: nginx (Debian's nginx-light, run
 * unprivileged from a temporary prefix) with a plain server, a "hub" that answers like the
 * Hub's resolve endpoint with a 302 to a second "CDN" server, and a location without Range
 * support; plus a small node proxy (injected 5xx, delay, a hook per request). Every server is
 * started under `timeout`, so it also stops by itself if a test run dies.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const NGINX = '/usr/sbin/nginx'
/** Hard limit on a server's life, whatever happens to the test process. */
export const SERVER_LIFETIME_S = 600

export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as { port: number }).port
  await new Promise(done => server.close(done))
  return port
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`)
    const ok = await new Promise<boolean>(done => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); done(true) })
      socket.on('error', () => done(false))
    })
    if (ok) return
    await new Promise(done => setTimeout(done, 25))
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port}`)
}

export interface Nginx {
  /** `http://127.0.0.1:PORT`: files of `root` with Range; `/norange/…` without; `/hub/…` the Hub. */
  readonly origin: string
  readonly cdnOrigin: string
  readonly root: string
  /** Access log lines so far: `server status bytes_sent "request" "authorization"`. */
  log(): string[]
  stop(): Promise<void>
}

export interface NginxOptions {
  /** Token the hub location requires (401 otherwise). */
  readonly hubToken?: string
  /** X-Linked-Etag the hub's 302 carries. */
  readonly linkedEtag?: string
  /** X-Linked-Size the hub's 302 carries. */
  readonly linkedSize?: number
}

/** Starts nginx serving `root`; fails with a clear message when nginx is not installed. */
export async function startNginx(root: string, options: NginxOptions = {}): Promise<Nginx> {
  if (!existsSync(NGINX))
    throw new Error(`${NGINX} is missing: these tests need a real nginx (Debian: apt-get install -y nginx-light; .ci/run installs it)`)
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-nginx-'))
  // run as root, nginx's workers drop to `nobody`: they must be able to read the served folder
  chmodSync(root, 0o755)
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub))
  const [port, cdnPort] = [await freePort(), await freePort()]
  const log = join(dir, 'access.log')
  const hubAuth = options.hubToken === undefined ? '' : `if ($http_authorization != "Bearer ${options.hubToken}") { return 401; }`
  const linked = (options.linkedEtag === undefined ? '' : `add_header X-Linked-Etag '"${options.linkedEtag}"' always;`)
    + (options.linkedSize === undefined ? '' : ` add_header X-Linked-Size ${options.linkedSize} always;`)
  writeFileSync(join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  log_format probe '$server_port $status $body_bytes_sent "$request" "$http_authorization" "$http_range"';
  access_log ${log} probe;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  default_type application/octet-stream;
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location /norange/ { alias ${root}/; max_ranges 0; }
    location /downgrade/ { return 302 http://downgrade.invalid/file.pt; }
    location ~ ^/hub/(?:datasets/)?[^/]+/[^/]+/resolve/[^/]+/(.*)$ {
      ${hubAuth}
      ${linked}
      return 302 http://127.0.0.1:${cdnPort}/$1;
    }
  }
  server {
    listen 127.0.0.1:${cdnPort};
    root ${root};
  }
}
`)
  const child = spawn('timeout', [String(SERVER_LIFETIME_S), NGINX, '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' })
  await waitForPort(port, child, join(dir, 'error.log'))
  await waitForPort(cdnPort, child, join(dir, 'error.log'))
  return {
    origin: `http://127.0.0.1:${port}`,
    cdnOrigin: `http://127.0.0.1:${cdnPort}`,
    root,
    log: () => existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(line => line !== '') : [],
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(done => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Proxy {
  readonly origin: string
  requests: number
  /** The most requests the proxy held at once. */
  readonly maxInFlight: number
  stop(): Promise<void>
}

export interface ProxyOptions {
  /** Answer these request numbers (1-based) with this status instead of forwarding. */
  readonly fail?: ReadonlyMap<number, number>
  /** Added before every forwarded request (a round trip on a real network). */
  readonly delayMs?: number
  /** Runs before request number N is forwarded (e.g. change the file). */
  readonly before?: (n: number, req: IncomingMessage) => void
  /** Request headers removed before forwarding (a server that ignores conditions). */
  readonly strip?: readonly string[]
}

/** A node proxy in front of `upstream` (5xx injection, latency). Stops by itself after SERVER_LIFETIME_S. */
export async function startProxy(upstream: string, options: ProxyOptions = {}): Promise<Proxy> {
  const target = new URL(upstream)
  const state = { requests: 0, inFlight: 0, maxInFlight: 0 }
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const n = ++state.requests
    state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight)
    res.on('close', () => { state.inFlight-- })
    for (const name of options.strip ?? []) delete req.headers[name]
    const status = options.fail?.get(n)
    const go = () => {
      if (status !== undefined) { res.writeHead(status).end('injected'); return }
      options.before?.(n, req)
      const forward = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      forward.on('error', () => res.destroy())
      req.pipe(forward)
    }
    if (options.delayMs) setTimeout(go, options.delayMs)
    else go()
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const timer = setTimeout(() => server.close(), SERVER_LIFETIME_S * 1000)
  timer.unref()
  const port = (server.address() as { port: number }).port
  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() { return state.requests },
    get maxInFlight() { return state.maxInFlight },
    set requests(value) { state.requests = value },
    async stop() {
      clearTimeout(timer)
      server.closeAllConnections()
      await new Promise(done => server.close(done))
    },
  }
}
