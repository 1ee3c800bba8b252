// `npm run sim`: runs the simulator standalone (bundled to dist/sim.js; also runnable as
// out/test/simulator/main.js). Prints the URL and the demo token of the fake account.
//   --port N (default 7171, 0 = any)  --seed N  --latency MS  --step MS  --json
//   --cors   answer browser pages too (CORS preflights and headers; for the extension's web build)
import { startSimulator } from './server';

interface Args {
  port: number;
  seed?: number;
  latencyMs?: number;
  executionStepMs?: number;
  json: boolean;
  cors: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { port: 7171, json: false, cors: false };
  const num = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${flag} needs a non-negative integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--cors') args.cors = true;
    else if (a === '--port') args.port = num(a, argv[++i]);
    else if (a === '--seed') args.seed = num(a, argv[++i]);
    else if (a === '--latency') args.latencyMs = num(a, argv[++i]);
    else if (a === '--step') args.executionStepMs = num(a, argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: sim [--port N] [--seed N] [--latency MS] [--step MS] [--json] [--cors]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return args;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`sim: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const sim = await startSimulator({
    port: args.port,
    seed: args.seed,
    latencyMs: args.latencyMs,
    executionStepMs: args.executionStepMs,
    cors: args.cors,
  });
  // Handlers go in before anything is printed: a parent may signal as soon as it reads the URL.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (args.json) {
    const info = {
      url: sim.url,
      accountId: sim.accountId,
      token: sim.tokens.admin,
      satToken: sim.tokens.sat,
      limitedToken: sim.tokens.limited,
    };
    process.stdout.write(`${JSON.stringify(info)}\n`);
  } else {
    // A demo token of a fake, local account: printing it is intended.
    process.stdout.write(
      `Harness API simulator listening on ${sim.url}${args.cors ? ' (CORS on: browser pages may call it)' : ''}\nAccount: ${sim.accountId}\nToken: ${sim.tokens.admin}\n` +
        `(service account token: ${sim.tokens.sat}; limited token: ${sim.tokens.limited})\nPress Ctrl+C to stop.\n`,
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`sim: ${(e as Error).message}\n`);
  process.exit(1);
});
