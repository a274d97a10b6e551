import { createServer, type Server } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Listens on `host:port` and returns the bound port. For `localhost` it binds both loopbacks, 127.0.0.1 and ::1,
 * whatever /etc/hosts says: fastify binds only the addresses `localhost` resolves to, and many machines map it
 * to 127.0.0.1 alone while clients (browsers, Node 17+, the AWS CLI) may still try ::1 first.
 */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  if (host !== 'localhost') {
    await app.listen({ host, port });
    return boundPort(app.server, port);
  }
  const ipv6 = createServer((request, response) => app.server.emit('request', request, response));
  app.addHook('onClose', () => new Promise<void>((resolve) => (ipv6.listening ? ipv6.close(() => resolve()) : resolve())));
  await app.listen({ host: '127.0.0.1', port });
  const bound = boundPort(app.server, port);
  await new Promise<void>((resolve) => {
    ipv6.once('error', () => resolve()); // no IPv6 loopback on this machine: IPv4 alone is what it has
    ipv6.listen(bound, '::1', () => resolve());
  });
  return bound;
}

function boundPort(server: Server, fallback: number): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : fallback;
}

// 127.0.0.0/8 and ::1 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3); BlockList also matches their IPv4-mapped forms.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether `host` keeps the emulator on this machine. Any other name is treated as reachable from elsewhere: it may
 * resolve to a LAN address, and `0.0.0.0` / `::` listen on every interface.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
