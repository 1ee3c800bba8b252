// Writes whose outcome is unknown: the server applied the create and then never answered, reset
// the connection, cut the body short, sent broken JSON, or a gateway timed out. Each becomes
// `outcomeUnknown` (never "failed, try again"), is sent exactly once, and the message says it may
// have been applied; reading back finds it, and trying again would have hit DUPLICATE_FIELD.
// A write that never reached the server stays a plain failure that says nothing was sent. Runs
// for both transports; where fetch cannot know whether a request left (a handshake that never
// answers), it says outcomeUnknown and undici says "nothing reached Harness": both are named below.
import * as assert from 'node:assert/strict';
import { type HarnessClient, createHarnessClient } from '../../../src/api/client';
import { HarnessApiError, isHarnessApiError } from '../../../src/api/errors';
import { OUTCOME_UNKNOWN_CHECK, describeApiError, isOutcomeUnknown } from '../../../src/ui/errorText';
import { expectApiError } from './errorSurfaces';
import { type WriteFault, closedPort, startApplyingServer, startBlackhole } from './helpers/faultServers';
import { recordFault, timed, via } from './helpers/faultTable';
import { TRANSPORTS } from './transports';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';
const SLACK_MS = 250;

for (const { name, factory } of TRANSPORTS)
  describe(`writes with an unknown outcome (${name})`, function () {
    this.timeout(10_000);
    let server: Awaited<ReturnType<typeof startApplyingServer>>;
    let client: HarnessClient;

    beforeEach(async () => {
      server = await startApplyingServer();
      client = createHarnessClient({ baseUrl: server.url, token: TOKEN, transport: factory, timeoutMs: 500 });
    });
    afterEach(async () => {
      await client.close();
      await server.close();
    });

    const cases: [WriteFault, string, string, RegExp][] = [
      ['slow', 'Slow write: applied, never answered', 'timeout', /no answer within 0\.5 s/],
      [
        'reset',
        'Write applied, then the connection is reset',
        'connectionLost',
        /connection was lost before the answer arrived/,
      ],
      [
        'truncated',
        'Write applied, then the body is cut short',
        'bodyIncomplete',
        /answer was cut off or unreadable \(HTTP 200\)/,
      ],
      [
        'malformed',
        'Write applied, answer is broken JSON (HTTP 200)',
        'bodyIncomplete',
        /cut off or unreadable \(HTTP 200\)/,
      ],
      [
        'gateway504',
        'Write applied, gateway answers 504',
        'gatewayTimeout',
        /gateway in front of Harness gave up waiting/,
      ],
    ];
    for (const [fault, label, reason, why] of cases) {
      it(`${fault}: outcomeUnknown (${reason}), sent once, "may have been applied"; reading back finds it`, async () => {
        server.fault = fault;
        const project = { orgIdentifier: 'default', identifier: `p_${fault}`, name: 'P' };
        const { ms, error } = await timed(() => client.createProject(project));
        assert.ok(isHarnessApiError(error, 'outcomeUnknown'), `got ${String(error)}`);
        assert.equal(error.outcomeReason, reason);
        assert.equal(error.retryable, false);
        assert.match(error.message, why);
        assert.match(error.message, /Harness may have applied it/);
        assert.doesNotMatch(
          error.message,
          /\btry again\b|not applied|failed/i,
          'never implies it was not applied',
        );
        assert.equal(server.posts(), 1, 'writes are never retried automatically');
        assert.ok(ms < 500 + SLACK_MS, `settled after ${ms} ms`);

        // What the lead's "check" does: read it back. It is there.
        server.fault = 'ok';
        const back = await client.getProject({
          orgIdentifier: 'default',
          projectIdentifier: project.identifier,
        });
        assert.equal(back.identifier, project.identifier);
        // And what "try again" would have done.
        const again = await expectApiError(() => client.createProject(project));
        assert.equal(again.kind, 'duplicate');

        const text = describeApiError(error, `create project ${project.identifier}`);
        assert.match(text, /^Not confirmed: create project/);
        assert.doesNotMatch(text, /Could not/);
        recordFault({
          fault: `${label}${via(name)}`,
          limitMs: 500,
          ms,
          kind: `${error.kind} (${reason})`,
          message: `Harness: ${text}`,
          note: `1 POST; the project exists (read back); repeating it gets DUPLICATE_FIELD`,
        });
      });
    }

    it('a huge answer to a write is outcomeUnknown (bodyTooLarge), not a failure', async () => {
      server.fault = 'huge';
      const err = await expectApiError(() =>
        client.createProject(
          { orgIdentifier: 'default', identifier: 'p_huge', name: 'P' },
          { timeoutMs: 8000 },
        ),
      );
      assert.equal(err.kind, 'outcomeUnknown');
      assert.equal(err.outcomeReason, 'bodyTooLarge');
      assert.match(err.message, /larger than 32 MB/);
      assert.deepEqual(server.applied, ['p_huge']);
    });

    it('cancelling a write after it was sent is outcomeUnknown; before it was sent it is cancelled', async () => {
      server.fault = 'slow';
      const ac = new AbortController();
      const pending = client.createProject(
        { orgIdentifier: 'default', identifier: 'p_cancel', name: 'P' },
        { signal: ac.signal },
      );
      const until = Date.now() + 2000;
      while (server.posts() === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      ac.abort();
      const err = await expectApiError(() => pending);
      assert.equal(err.kind, 'outcomeUnknown');
      assert.equal(err.outcomeReason, 'cancelled');
      assert.match(err.message, /cancelled after it had been sent/);

      const early = new AbortController();
      early.abort();
      const before = await expectApiError(() =>
        client.createProject(
          { orgIdentifier: 'default', identifier: 'p_early', name: 'P' },
          { signal: early.signal },
        ),
      );
      assert.equal(before.kind, 'cancelled');
    });

    it('a write that never reached the server is a plain failure that says nothing was sent', async () => {
      const port = await closedPort();
      const refused = createHarnessClient({
        baseUrl: `http://127.0.0.1:${port}`,
        token: TOKEN,
        transport: factory,
        timeoutMs: 500,
      });
      try {
        const { ms, error } = await timed(() =>
          refused.createProject({ orgIdentifier: 'default', identifier: 'p', name: 'P' }),
        );
        assert.ok(error instanceof HarnessApiError);
        assert.equal(error.kind, 'network');
        assert.match(error.message, /Nothing reached Harness, so it is safe to try again/);
        recordFault({
          fault: `Write to a closed port (connection refused)${via(name)}`,
          limitMs: 500,
          ms,
          kind: error.kind,
          message: `Harness: ${describeApiError(error, 'create project p')}`,
        });
      } finally {
        await refused.close();
      }

      const hole = await startBlackhole();
      const stuck = createHarnessClient({
        baseUrl: `https://127.0.0.1:${hole.port}`,
        token: TOKEN,
        transport: factory,
        timeoutMs: 400,
      });
      try {
        const err = await expectApiError(() =>
          stuck.createProject({ orgIdentifier: 'default', identifier: 'p', name: 'P' }),
        );
        if (name === 'undici') {
          // undici knows no connection took the request.
          assert.equal(err.kind, 'timeout');
          assert.match(
            err.message,
            /before it was sent \(1 attempt, could not connect\); nothing reached Harness/,
          );
        } else {
          // fetch cannot tell a handshake that never answered from a request that was sent.
          assert.equal(err.kind, 'outcomeUnknown');
          assert.equal(err.outcomeReason, 'timeout');
          assert.match(err.message, /may have applied it/);
        }
      } finally {
        await stuck.close();
        await hole.close();
      }
    });
  });

describe('outcomeUnknown for callers', () => {
  const err = new HarnessApiError({
    kind: 'outcomeUnknown',
    status: 0,
    message:
      'Harness did not confirm the request to update pipeline p: no answer within 30 s. The request was sent, so Harness may have applied it.',
    outcomeReason: 'timeout',
    retryable: true,
  });

  it('is never retryable, and the type guard narrows by kind', () => {
    assert.equal(err.retryable, false);
    assert.equal(isHarnessApiError(err), true);
    assert.equal(isHarnessApiError(err, 'outcomeUnknown'), true);
    assert.equal(isHarnessApiError(err, 'timeout'), false);
    assert.equal(isHarnessApiError(new Error('x'), 'outcomeUnknown'), false);
    assert.equal(isOutcomeUnknown(err), true);
    assert.equal(
      isOutcomeUnknown({ kind: 'outcomeUnknown' }),
      true,
      'structural: works across module copies',
    );
    assert.equal(isOutcomeUnknown({ kind: 'timeout' }), false);
    assert.equal(typeof OUTCOME_UNKNOWN_CHECK, 'string');
  });

  it('recognises an error by its shape, as another copy of the module makes it, and only known kinds', () => {
    const copy = { ...err.toJSON() };
    assert.equal(copy instanceof HarnessApiError, false);
    assert.equal(isHarnessApiError(copy, 'outcomeUnknown'), true);
    assert.equal(isHarnessApiError({ kind: 'notFound', status: 404 }, 'notFound'), true);
    assert.equal(isHarnessApiError({ kind: 'pipeline', id: 'p' }), false, 'a tree node is not an error');
    assert.equal(isHarnessApiError({ kind: 'toString' }), false);
    assert.equal(isHarnessApiError('outcomeUnknown'), false);
  });

  it('keeps the reason in JSON and through with()', () => {
    assert.equal((JSON.parse(JSON.stringify(err)) as { outcomeReason: string }).outcomeReason, 'timeout');
    const copy = err.with({ attempts: 1 });
    assert.equal(copy.kind, 'outcomeUnknown');
    assert.equal(copy.outcomeReason, 'timeout');
    assert.equal(copy.attempts, 1);
  });
});
