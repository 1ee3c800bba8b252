// Escape sequences as real tools print them (ls/grep colours, 256 and true colour, npm and
// docker progress, kubectl spinners, OSC 8 hyperlinks, terminal titles) never reach the document.
import * as assert from 'node:assert/strict';
import { stripAnsi } from '../../../../src/executions/logs/ansi';

const ESC = '\u001b';

describe('stripAnsi', () => {
  it('leaves plain text alone (the same string, no copy)', () => {
    const text = 'Step completed in 3.2s: 12 tests, 0 failures\twith a tab';
    assert.equal(stripAnsi(text), text);
  });

  it('removes SGR colours: basic, bold, 256-colour, true colour and the short reset', () => {
    assert.equal(stripAnsi(`${ESC}[1;31mERROR${ESC}[0m: build failed`), 'ERROR: build failed');
    assert.equal(
      stripAnsi(`${ESC}[38;5;196mred${ESC}[39m and ${ESC}[48;5;22mgreen bg${ESC}[49m`),
      'red and green bg',
    );
    assert.equal(stripAnsi(`${ESC}[38;2;255;100;0morange${ESC}[m`), 'orange');
    // What the simulator (and Harness's own step runner) writes around a command.
    assert.equal(stripAnsi(`${ESC}[36m+ go test ./...${ESC}[0m`), '+ go test ./...');
  });

  it('removes cursor moves, erases and private modes', () => {
    assert.equal(stripAnsi(`${ESC}[?25lhidden cursor${ESC}[?25h`), 'hidden cursor');
    assert.equal(stripAnsi(`${ESC}[2J${ESC}[Hcleared`), 'cleared');
    assert.equal(stripAnsi(`up${ESC}[1A${ESC}[2Kdown`), 'updown');
  });

  it('keeps the visible text of an OSC 8 hyperlink and drops titles (BEL or ST ended)', () => {
    assert.equal(
      stripAnsi(`see ${ESC}]8;;https://example.com/run/42${ESC}\\the run${ESC}]8;;${ESC}\\ for details`),
      'see the run for details',
    );
    assert.equal(stripAnsi(`${ESC}]0;make: building\u0007compiling main.c`), 'compiling main.c');
  });

  it('collapses a carriage-return progress bar to its last state', () => {
    assert.equal(
      stripAnsi('Downloading layer  12%\rDownloading layer  57%\rDownloading layer 100%'),
      'Downloading layer 100%',
    );
    // Docker-style: erase the line, then rewrite it.
    assert.equal(stripAnsi(`pulling 1/3\r${ESC}[2Kpulling 2/3\r${ESC}[2Kpulling 3/3\r`), 'pulling 3/3');
    // npm / ora spinners go back to column 1 instead of using CR.
    assert.equal(stripAnsi(`${ESC}[1G${ESC}[0K⠙ installing${ESC}[1G${ESC}[0K⠹ installing`), '⠹ installing');
  });

  it('rewrites each line of a multi-line text on its own', () => {
    assert.equal(stripAnsi('a 10%\ra 100%\nb 50%\rb 100%\r\nc'), 'a 100%\nb 100%\nc');
  });

  it('drops other control characters but keeps tabs', () => {
    assert.equal(stripAnsi('bell\u0007 back\bspace\tok\u007f'), 'bell backspace\tok');
    assert.equal(stripAnsi(`lone escape ${ESC}`), 'lone escape ');
    assert.equal(stripAnsi('charset \u001b(Bswitch'), 'charset switch');
  });

  it('handles the 8-bit CSI form', () => {
    assert.equal(stripAnsi('\u009b31mred\u009b0m'), 'red');
  });

  it('leaves no ESC in what it returns for a mix of everything', () => {
    const mixed = [
      `${ESC}[1m${ESC}[32m✔${ESC}[39m${ESC}[22m done`,
      `${ESC}]8;id=1;http://x${ESC}\\link${ESC}]8;;${ESC}\\`,
      `${ESC}7saved${ESC}8`,
      `${ESC}[1;2;3;4;5;6;7;8;9m`,
    ].join('\n');
    const out = stripAnsi(mixed);
    assert.ok(!out.includes(ESC) && !out.includes('\u009b'), JSON.stringify(out));
    assert.equal(out, '✔ done\nlink\nsaved\n');
  });
});
