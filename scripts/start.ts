// `npm start`: serves the built console with its security headers, beside the Glue stand-in.
import { existsSync } from 'node:fs';
import { startConsoleHost } from './console-host';
import { launchGlue, printBanner, readConsolePort, stopOnSignal } from './launch';

const DIST_DIR = 'dist';

async function main() {
  if (!existsSync(`${DIST_DIR}/index.html`))
    throw new Error('No built console in dist/: run `npm run build` first.');
  const port = readConsolePort(process.env, 4173);
  let glueBaseUrl = '';
  let settings = {};
  const host = await startConsoleHost({
    distDir: DIST_DIR,
    port,
    glueBaseUrl: () => glueBaseUrl,
    settings: () => settings,
  });
  const target = await launchGlue(host.url);
  ({ glueBaseUrl, settings } = target);
  printBanner(host.url, target);
  stopOnSignal(async () => {
    await host.close();
    await target.standIn?.close();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
