// A static file server for end-to-end tests: one directory on 127.0.0.1 (an
// OS-chosen port), a directory URL serves its index.html, nothing outside it.
// The demo's server with a single mount and no CSP header.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { startDemoServer } from '../../scripts/lib/demo-server.mjs';

/** A running server and the URL of its root (ends with `/`). */
export interface Served {
  server: Server;
  base: string;
  close(): Promise<void>;
}

/** Serves `dir` until `close()`. */
export async function serve(dir: string): Promise<Served> {
  const server: Server = await startDemoServer({ port: 0, host: '127.0.0.1', mounts: [['/', resolve(dir)]], csp: false });
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
