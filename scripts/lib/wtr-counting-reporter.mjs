// web-test-runner's own summary is not a line CI reads, so this reporter
// counts passed/failed tests and writes them as JSON for scripts/test.mjs.
import { writeFileSync } from 'node:fs';

function walk(suite, counts) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) counts.skipped++;
    else if (t.passed) counts.passed++;
    else {
      counts.failed++;
      counts.failures.push(t.name);
    }
  }
  for (const s of suite?.suites ?? []) walk(s, counts);
}

/** A web-test-runner reporter that writes `{ passed, failed, skipped, failures }` to `file`. */
export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        walk(session.testResults, counts);
        // A file that failed to load or threw outside a test counts as a failure.
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && !session.testResults)) {
          counts.failed++;
          counts.failures.push(`${session.testFile}: ${session.errors?.[0]?.message ?? 'did not run'}`);
        }
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
