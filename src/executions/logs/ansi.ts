// Terminal escape sequences in step logs. The log service keeps what the step printed, colour
// codes and progress bars included (src/api/logs.ts); a text document cannot show them, so they
// are removed here and never reach the editor raw.
/* eslint-disable no-control-regex -- control characters are what these patterns are about */

/** Anything worth a second look: ESC, the 8-bit CSI/OSC introducers, CR and other C0 controls. */
const NEEDS_WORK = /[\x00-\x08\x0b-\x1f\x7f\x9b\x9d]/;

/**
 * OSC (`ESC ]` … BEL or ST: titles, OSC 8 hyperlinks whose visible text stays), CSI (`ESC [` …
 * final byte: SGR colours, cursor moves, erase line), and the two-byte escapes (`ESC (B`,
 * `ESC 7`, …). 8-bit C1 forms are included; a lone ESC goes too.
 */
const SEQUENCES =
  /(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b[()*+][0-9A-Za-z]|\x1b[ -/]*[0-~]|\x1b/g;

/** "Cursor to column 1" (`ESC [G`, `ESC [1G`): spinners rewrite their line with it, as with CR. */
const TO_COLUMN_ONE = /(?:\x1b\[|\x9b)[01]?G/g;

/** The C0 controls a document cannot show (tab, newline and carriage return are handled apart). */
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/**
 * The text a terminal would have left, without escape sequences. A carriage return inside a line
 * (progress bars, spinners) means the line was rewritten: only its last non-empty state is kept.
 */
export function stripAnsi(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const plain = text.replace(TO_COLUMN_ONE, '\r').replace(SEQUENCES, '');
  const lines = plain.split('\n').map(lastRewrite);
  return lines.join('\n').replace(CONTROLS, '');
}

function lastRewrite(line: string): string {
  if (!line.includes('\r')) return line;
  const states = line.split('\r').filter((s) => s !== '');
  return states.length > 0 ? states[states.length - 1] : '';
}
