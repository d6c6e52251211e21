// `npm run dev`: the console with hot reload (Vite's dev server), beside the Glue stand-in.
// Vite's dev server injects inline scripts for hot reload, so the strict CSP applies to `npm start` only.
import { createServer } from 'vite';
import { launchGlue, printBanner, readConsolePort, stopOnSignal } from './launch';

async function main() {
  const port = readConsolePort(process.env, 5173);
  const consoleUrl = `http://127.0.0.1:${port}`;
  const target = await launchGlue(consoleUrl);
  const vite = await createServer({
    server: { port, host: '127.0.0.1', strictPort: true },
    plugins: [
      {
        name: 'runtime-glue-config',
        // The console reads where Glue lives from this file; answer it with the Glue just started.
        configureServer(server) {
          server.middlewares.use('/glue-config.json', (_request, response) => {
            response.setHeader('Content-Type', 'application/json');
            response.setHeader('Cache-Control', 'no-store');
            response.end(JSON.stringify({ ...target.settings, glueBaseUrl: target.glueBaseUrl }));
          });
        },
      },
    ],
  });
  await vite.listen();
  printBanner(consoleUrl, target);
  stopOnSignal(async () => {
    await vite.close();
    await target.standIn?.close();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
