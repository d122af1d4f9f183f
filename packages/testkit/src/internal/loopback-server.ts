import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ConfigError } from '@orch/core';

/** A listening test server: its origin, and a close that also ends open (even hung) sockets. */
export interface Listening {
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens on `host` (a free port) and tracks sockets, so close() never waits for a client that
 * keeps a connection open.
 *
 * @throws ConfigError `code` when the server cannot listen there.
 */
export async function listenOnLoopback(
  server: Server,
  host: string,
  code: string,
  name: string,
): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(
        new ConfigError(
          code,
          `The ${name} could not listen on ${host}: ${error.message}. Use a local address such as 127.0.0.1.`,
          { cause: error },
        ),
      );
    };
    server.once('error', onError);
    server.listen(0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
