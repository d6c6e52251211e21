import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const scratch = mkdtempSync(join(tmpdir(), 'glue-main-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(env: Record<string, string>): {
  stdout: () => string;
  stderr: () => string;
  firstLine: Promise<string>;
  exit: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
} {
  const child = spawn(tsx, ['server/main.ts'], { cwd: root, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
    });
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    firstLine,
    exit,
    kill: (signal) => child.kill(signal),
  };
}

describe('npm run glue (server/main.ts)', () => {
  it('starts, reports its address and database, serves, and stops on SIGTERM', async () => {
    const dbPath = join(scratch, 'main.sqlite');
    const glue = run({ GLUE_PORT: '0', GLUE_DB: dbPath });
    const line = await glue.firstLine;
    const match = /^Glue stand-in listening on (http:\/\/127\.0\.0\.1:\d+) \(database (.+)\)$/.exec(
      line,
    );
    expect(match?.[2]).toBe(dbPath);
    const response = await fetch(`${match?.[1] ?? ''}/agent-access-tokens`, {
      method: 'POST',
      body: JSON.stringify({
        data: {
          type: 'agent-access-tokens',
          attributes: { username: 'admin@spryker.com', password: 'change123' },
        },
      }),
    });
    expect(response.status).toBe(201);
    glue.kill('SIGTERM');
    expect(await glue.exit).toBe(0);
  }, 20_000);

  it('prints the error and exits 1 for a bad configuration value', async () => {
    const glue = run({ GLUE_PORT: 'ninety' });
    expect(await glue.exit).toBe(1);
    expect(glue.stderr()).toContain('GLUE_PORT must be an integer');
    expect(glue.stdout()).toBe('');
  }, 20_000);
});
