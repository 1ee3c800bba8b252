// A log service line as a document line: a compact time and level prefix, the text without
// escape sequences; and the banner of a capped log.
import * as assert from 'node:assert/strict';
import {
  LineFormatter,
  byteSize,
  clockTime,
  formatLogLine,
  truncationBanner,
} from '../../../../src/executions/logs/format';

const UTC = { utc: true };

describe('step log line format', () => {
  it('prefixes the time (HH:MM:SS) and the padded level the log service gave', () => {
    assert.equal(
      formatLogLine(
        { out: 'Executing command', level: 'info', time: '2026-01-01T12:34:56.789Z', pos: 0 },
        UTC,
      ),
      '12:34:56 INFO  Executing command',
    );
    assert.equal(
      formatLogLine(
        {
          out: '\u001b[31mCommand exited with status 1\u001b[0m',
          level: 'error',
          time: '2026-01-01T00:00:09Z',
        },
        UTC,
      ),
      '00:00:09 ERROR Command exited with status 1',
    );
  });

  it('shows a line without time or level as its text', () => {
    assert.equal(formatLogLine({ out: 'not json from a proxy' }, UTC), 'not json from a proxy');
    assert.equal(formatLogLine({ out: 'x', level: 'warn' }, UTC), 'WARN  x');
    assert.equal(formatLogLine({ out: 'x', time: 'yesterday' }, UTC), 'x', 'an unreadable time is left out');
  });

  it('reads times in the local zone unless told UTC', () => {
    const iso = '2026-06-01T08:05:03Z';
    const d = new Date(iso);
    const local = [d.getHours(), d.getMinutes(), d.getSeconds()]
      .map((n) => String(n).padStart(2, '0'))
      .join(':');
    assert.equal(clockTime(iso, false), local);
    assert.equal(clockTime(iso, true), '08:05:03');
  });

  it('a formatter reuses the clock of the same second, and reads the next second anew', () => {
    const f = new LineFormatter(UTC);
    assert.equal(f.line({ out: 'a', time: '2026-01-01T10:00:00.100Z' }), '10:00:00 a');
    assert.equal(f.line({ out: 'b', time: '2026-01-01T10:00:00.900Z' }), '10:00:00 b');
    assert.equal(f.line({ out: 'c', time: '2026-01-01T10:00:01.000Z' }), '10:00:01 c');
    assert.equal(
      f.line({ out: 'd', time: '2026-01-02T10:00:01.000+02:00' }),
      '08:00:01 d',
      'offsets are read',
    );
    assert.equal(f.line({ out: 'e', time: 'garbage' }), 'e');
  });

  it('names the cap in MB or KB', () => {
    assert.equal(byteSize(8 * 1024 * 1024), '8 MB');
    assert.equal(byteSize(1.5 * 1024 * 1024), '1.5 MB');
    assert.equal(byteSize(64 * 1024), '64 KB');
  });

  it('ends a capped log with a line that says so and where the rest is', () => {
    assert.equal(
      truncationBanner(8 * 1024 * 1024, 'https://app.harness.io/ng/account/a/x'),
      'Log truncated at 8 MB: open the rest in Harness: https://app.harness.io/ng/account/a/x',
    );
    assert.equal(
      truncationBanner(8 * 1024 * 1024, undefined),
      'Log truncated at 8 MB: open the rest in Harness',
    );
  });
});
