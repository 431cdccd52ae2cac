/**
 * `startCdsHooksServer`: the CDS Hooks handler on a `node:http` server with
 * bounded header, request and keep-alive times.
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCdsHooksHandler, type CdsHooksOptions } from './handler.js';

/** Options of {@link startCdsHooksServer}. */
export interface CdsHooksServerOptions extends CdsHooksOptions {
  /** TCP port; `0` picks a free one. Default 3000. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`: exposing patient data on every interface must be a choice. */
  host?: string;
  /** Longest time for a whole request, in ms; default 15 000. */
  requestTimeoutMs?: number;
}

/** A running server. */
export interface CdsHooksServer {
  /** Base URL, e.g. `http://127.0.0.1:3000` (the discovery endpoint is `${url}/cds-services`). */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** The underlying server. */
  server: Server;
  /** Stops accepting connections, ends idle ones, and resolves when closed. */
  close(): Promise<void>;
}

/** Starts the CDS Hooks services on `host:port` and resolves once listening. */
export async function startCdsHooksServer(options: CdsHooksServerOptions = {}): Promise<CdsHooksServer> {
  const { port = 3000, host = '127.0.0.1', requestTimeoutMs = 15_000, ...handlerOptions } = options;
  const server = createServer({ requestTimeout: requestTimeoutMs, headersTimeout: Math.min(10_000, requestTimeoutMs), maxHeaderSize: 16 * 1024 }, createCdsHooksHandler(handlerOptions));
  server.keepAliveTimeout = 5_000;
  // A socket error (a client resetting mid-request) must never take the process down.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
