// Types of demo-server.mjs, for the tests that start it.
import type { Server } from 'node:http';

/** The Content-Security-Policy the demo is served with. */
export declare const STRICT_CSP: string;

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  port?: number;
  host?: string;
  /** `[urlPrefix, folder]` pairs checked before the demo's own; a folder is relative to the repository or absolute. */
  extraMounts?: [string, string][];
  /** Replaces the demo's own mounts. */
  mounts?: [string, string][];
  /** `false` leaves the CSP header out. */
  csp?: boolean;
}

/** Starts the demo server; resolves with the listening server. */
export declare function startDemoServer(options?: DemoServerOptions): Promise<Server>;
