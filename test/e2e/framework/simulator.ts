// Runs the Harness API simulator as its own process (`node dist/sim.js --json`), the way the demo
// does, and reads the JSON line it prints with its URL, account id and tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { repoRoot } from '../../helpers/paths';

export interface SimulatorProcess {
  url: string;
  accountId: string;
  /** The token a signed-in demo user has (the simulator's admin PAT). */
  token: string;
  /** Everything the simulator announced, for tests that need other tokens. */
  info: Record<string, unknown>;
  stop(): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Picks the admin token from the announced JSON: `tokens.admin`, else `token`. */
function tokenOf(info: Record<string, unknown>): string | undefined {
  const tokens = info.tokens;
  if (isRecord(tokens) && typeof tokens.admin === 'string') return tokens.admin;
  return typeof info.token === 'string' ? info.token : undefined;
}

export async function startSimulatorProcess(
  options: { port?: number; seed?: number; timeoutMs?: number } = {},
): Promise<SimulatorProcess> {
  const main = path.join(repoRoot, 'dist', 'sim.js');
  if (!fs.existsSync(main)) throw new Error('dist/sim.js is missing: run `npm run build`');
  const args = [main, '--json', '--port', String(options.port ?? 0)];
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };

  const timeoutMs = options.timeoutMs ?? 15_000;
  try {
    const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`dist/sim.js printed no JSON within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const lines = readline.createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        try {
          const parsed: unknown = JSON.parse(line);
          if (isRecord(parsed) && typeof parsed.url === 'string') {
            clearTimeout(timer);
            lines.close();
            resolve(parsed);
          }
        } catch {
          // Not the JSON line (banner text): keep reading.
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`dist/sim.js exited with ${code} before announcing itself: ${stderr.trim()}`));
      });
    });
    const token = tokenOf(info);
    if (typeof info.accountId !== 'string' || !token) {
      throw new Error('dist/sim.js --json did not announce accountId and a token');
    }
    return { url: info.url as string, accountId: info.accountId, token, info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
