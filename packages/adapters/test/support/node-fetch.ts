/**
 * A small `fetch` over node:http with a keep-alive agent. Node 20's global
 * fetch (undici) costs several milliseconds per loopback request on a busy
 * machine; the fuzz tests make tens of thousands, so they use this instead.
 * Tests that check the adapters with the real global fetch use that.
 */
import http from 'node:http';
import type { FetchLike } from '../../src/http.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** `fetch` for `http://` URLs via node:http; honours `signal`, `method`, `headers` and a string `body`. */
export const nodeFetch: FetchLike = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    const headers = new Headers(init.headers);
    const req = http.request(input, { method: init.method ?? 'GET', headers: Object.fromEntries(headers), agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out.set(k, v);
        const status = res.statusCode ?? 500;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: out }));
      });
    });
    const onAbort = () => {
      req.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('close', () => signal?.removeEventListener('abort', onAbort));
    req.on('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
    if (typeof init.body === 'string') req.write(init.body);
    req.end();
  });

/** Closes the keep-alive sockets so the test process can exit. */
export function closeNodeFetch(): void {
  agent.destroy();
}
