/**
 * The real export worker behind a gate, for the test that proves calls are answered while an
 * export renders: it starts rendering only once the file named by FACTCHECK_TEST_EXPORT_GATE exists
 * (polled, for at most a minute). Messages sent meanwhile wait in the worker's port.
 */
import { existsSync } from 'node:fs';

const gate = process.env.FACTCHECK_TEST_EXPORT_GATE;
for (let waited = 0; gate && !existsSync(gate) && waited < 60_000; waited += 20) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await import('../../../../../electron/services/interop/exportWorker');
