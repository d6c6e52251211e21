import { readGlueConfig } from './platform/config';
import type { GlueConfig } from './platform/config';
import { startGlue } from './glue';

let config: GlueConfig;
try {
  config = readGlueConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

try {
  const running = await startGlue(config);
  console.log(`Glue stand-in listening on ${running.url} (database ${config.dbPath})`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(
    `Glue stand-in could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
