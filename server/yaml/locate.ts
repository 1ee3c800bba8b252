// Finds what is at an offset: the document path, whether the cursor is on a key, the ranges
// of that key and value. Works on incomplete lines (`    typ|`, `type: |`) because the path
// comes from indentation (block YAML, which is what Harness files are), not from the AST;
// the AST supplies the node, the parent map and the keys already present.
import type { Range } from 'vscode-languageserver-types';
import type { Node, YAMLMap } from 'yaml';
import { scanExpression } from '../expressionSpans';
import { mapEntries, nodeAtPath, isMap } from './ast';
import { multilineScalarLines } from './blockLines';
import { derive, type ParsedYaml } from './types';

export type YamlPath = (string | number)[];

export interface YamlLocation {
  /**
   * When `inKey`: the path of the map the key belongs to (where new keys go), e.g.
   * `['pipeline','stages',0,'stage']` for `stage:\n  typ|`.
   * Otherwise: the path of the value at the cursor, including its key, e.g.
   * `['pipeline','stages',0,'stage','type']` for `type: |`.
   */
  path: YamlPath;
  /** The AST node at the cursor (scalar key or value, or the innermost collection), if any. */
  node?: Node;
  /** True when the cursor is on a key or on a bare word at key position. */
  inKey: boolean;
  /** The key's range (also the word being typed when `inKey` on an incomplete line). */
  keyRange?: Range;
  /** The value's range (scalar value, or an empty range where a value would go after `key: `). */
  valueRange?: Range;
  /** The map the cursor's key belongs to, when it exists in the AST. */
  parentMap?: YAMLMap;
  /** Keys already present in that map (to exclude from completion). */
  presentKeys: string[];
  /** The text typed from the start of the word (key or value) up to the cursor. */
  prefix: string;
  /** Set when the cursor is inside a `<+ … >` expression: its start offset and the text up to the cursor. */
  expression?: { start: number; textBeforeCursor: string };
}

interface LineInfo {
  blank: boolean;
  /** Columns of `- ` sequence markers at the start of the line (nested `- - x` gives two). */
  dashes: number[];
  /** Column of the first content after indentation and dashes. */
  contentCol: number;
  key?: string;
  /** Whether the key has an inline value after the colon. */
  hasValue: boolean;
}

const KEY_RE = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/;

function analyze(line: string): LineInfo {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#') return { blank: true, dashes: [], contentCol: i, hasValue: false };
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 >= line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (i < line.length && line[i] === ' ') i++;
  }
  const rest = line.slice(i);
  const m = KEY_RE.exec(rest);
  if (!m) return { blank: false, dashes, contentCol: i, hasValue: rest.length > 0 };
  const key = (m[1] ?? m[2] ?? m[3] ?? '').trim();
  const after = rest.slice(m[0].length).trim();
  return { blank: false, dashes, contentCol: i, key, hasValue: after !== '' && !after.startsWith('#') };
}

class Walker {
  private infos = new Map<number, LineInfo>();
  constructor(
    private readonly parsed: ParsedYaml,
    private readonly skip: Set<number>,
  ) {}

  info(line: number): LineInfo {
    let i = this.infos.get(line);
    if (!i) {
      i = this.skip.has(line)
        ? { blank: true, dashes: [], contentCol: 0, hasValue: false }
        : analyze(this.parsed.lines.lineText(line));
      this.infos.set(line, i);
    }
    return i;
  }

  /** Path of the map whose keys sit at column `col`, for a key on line `line`. */
  mapPath(line: number, col: number, depth = 0): YamlPath {
    if (depth > 200) return [];
    const own = this.info(line);
    // The map is a sequence item when a dash on this line directly precedes the column.
    const dashBefore = own.dashes.filter((d) => d < col).pop();
    if (dashBefore !== undefined && own.contentCol === col)
      return this.seqItemPath(line, dashBefore, depth + 1);
    for (let l = line - 1; l >= 0; l--) {
      const info = this.info(l);
      if (info.blank) continue;
      if (info.contentCol === col && info.key !== undefined) {
        const d = info.dashes.filter((x) => x < col).pop();
        if (d !== undefined) return this.seqItemPath(l, d, depth + 1);
        continue; // a sibling key
      }
      const first = info.dashes.length ? info.dashes[0] : info.contentCol;
      if (first >= col) continue; // deeper content
      if (info.key !== undefined && info.contentCol < col)
        return [...this.mapPath(l, info.contentCol, depth + 1), info.key];
      if (info.dashes.length && info.contentCol > col) {
        // Continuation of an item at a shallower dash: the map belongs to that item.
        const d = info.dashes.filter((x) => x < col).pop();
        if (d !== undefined) return this.seqItemPath(l, d, depth + 1);
      }
      return [];
    }
    return [];
  }

  /** Path of the sequence item whose dash is at `dashCol` on `line` (including its index). */
  seqItemPath(line: number, dashCol: number, depth: number): YamlPath {
    let index = 0;
    const own = this.info(line);
    // A dash nested after another dash on the same line: `- - x`.
    const outer = own.dashes.filter((d) => d < dashCol).pop();
    if (outer !== undefined) return [...this.seqItemPath(line, outer, depth + 1), 0];
    for (let l = line - 1; l >= 0; l--) {
      const info = this.info(l);
      if (info.blank) continue;
      const first = info.dashes.length ? info.dashes[0] : info.contentCol;
      if (info.dashes.includes(dashCol) && info.dashes[0] === dashCol) {
        index++;
        continue;
      }
      if (first > dashCol) continue;
      if (info.key !== undefined && info.contentCol <= dashCol && !info.hasValue) {
        return [...this.mapPath(l, info.contentCol, depth + 1), info.key, index];
      }
      if (info.dashes.length && info.dashes[info.dashes.length - 1] < dashCol && info.key === undefined) {
        // `- ` alone on a line followed by a nested sequence.
        return [...this.seqItemPath(l, info.dashes[info.dashes.length - 1], depth + 1), index];
      }
      return [index];
    }
    return [index];
  }
}

const WALKER = Symbol('locateWalker');

export function locate(parsed: ParsedYaml, offset: number): YamlLocation {
  const { lines, text } = parsed;
  const off = Math.max(0, Math.min(offset, text.length));
  const pos = lines.positionAt(off);
  const lineText = lines.lineText(pos.line);
  const lineStart = lines.lineStarts[pos.line];
  const col = Math.min(pos.character, lineText.length);
  const before = lineText.slice(0, col);
  // Line analyses are kept per parse: completion and hover ask again and again on one version.
  const walker = derive(parsed, WALKER, () => new Walker(parsed, multilineScalarLines(parsed)));
  const expression = findExpression(before, lineStart);

  // Inside a multi-line scalar (script body): a value position of the scalar's key.
  if (multilineScalarLines(parsed).has(pos.line)) {
    let l = pos.line;
    while (l > 0 && multilineScalarLines(parsed).has(l)) l--;
    const owner = analyze(lines.lineText(l));
    const path = owner.key !== undefined ? [...walker.mapPath(l, owner.contentCol), owner.key] : [];
    return finish(parsed, { path, inKey: false, presentKeys: [], prefix: wordBefore(before), expression });
  }

  const info = analyze(lineText);
  const lead = /^ */.exec(lineText)![0].length;
  // Dashes before the cursor on this line.
  let i = lead;
  const dashes: number[] = [];
  while (lineText[i] === '-' && (i + 1 >= lineText.length || lineText[i + 1] === ' ') && i < col) {
    dashes.push(i);
    i++;
    while (i < lineText.length && lineText[i] === ' ') i++;
  }
  const contentCol = Math.min(i, Math.max(col, lead));
  const content = lineText.slice(contentCol);
  const m = info.key !== undefined && info.contentCol === contentCol ? KEY_RE.exec(content) : null;
  const colonEnd = m ? contentCol + m[0].length : -1;

  if (m && col >= colonEnd - (m[0].endsWith(' ') ? 1 : 0) && col > contentCol + (info.key ?? '').length) {
    // Value position: `key: |` or `key: val|`.
    const key = info.key!;
    const path = [...walker.mapPath(pos.line, contentCol), key];
    let vStart = colonEnd;
    while (vStart < lineText.length && lineText[vStart] === ' ') vStart++;
    let vEnd = lineText.length;
    const hash = lineText.indexOf(' #', vStart);
    if (hash >= 0) vEnd = hash;
    while (vEnd > vStart && lineText[vEnd - 1] === ' ') vEnd--;
    vStart = Math.min(vStart, Math.max(col, colonEnd));
    if (vEnd < vStart) vEnd = vStart;
    return finish(parsed, {
      path,
      inKey: false,
      keyRange: lines.range(lineStart + contentCol, lineStart + contentCol + key.length),
      valueRange: lines.range(lineStart + vStart, lineStart + vEnd),
      presentKeys: [],
      prefix: lineText.slice(vStart, Math.max(vStart, col)),
      expression,
    });
  }

  // Key position (also a bare word being typed, or an empty line).
  let keyCol: number;
  if (col <= lead && dashes.length === 0) keyCol = col;
  else keyCol = contentCol;
  let path: YamlPath;
  if (dashes.length && keyCol > dashes[dashes.length - 1])
    path = walker.seqItemPath(pos.line, dashes[dashes.length - 1], 0);
  else path = walker.mapPath(pos.line, keyCol);
  const wordStart = contentCol;
  let wordEnd = wordStart;
  while (wordEnd < lineText.length && !/[\s:#]/.test(lineText[wordEnd])) wordEnd++;
  return finish(parsed, {
    path,
    inKey: true,
    keyRange: lines.range(lineStart + wordStart, lineStart + Math.max(wordEnd, wordStart)),
    presentKeys: [],
    prefix: lineText.slice(wordStart, Math.max(wordStart, col)),
    expression,
  });
}

function finish(parsed: ParsedYaml, loc: YamlLocation): YamlLocation {
  const doc = parsed.doc;
  if (!doc) return loc;
  try {
    const containerPath = loc.inKey ? loc.path : loc.path.slice(0, -1);
    const container = nodeAtPath(doc, containerPath);
    if (container && isMap(container)) {
      loc.parentMap = container;
      const typed = loc.inKey ? loc.prefix : undefined;
      loc.presentKeys = mapEntries(container)
        .map((e) => e.key)
        .filter((k) => k !== typed);
    }
    const node = nodeAtPath(doc, loc.path);
    if (node) loc.node = node;
  } catch {
    // A malformed tree only loses the AST extras.
  }
  return loc;
}

function wordBefore(before: string): string {
  const m = /[^\s]*$/.exec(before);
  return m ? m[0] : '';
}

/** An unclosed `<+` before the cursor on this line. */
function findExpression(before: string, lineStart: number): YamlLocation['expression'] {
  for (let i = before.indexOf('<+'); i >= 0;) {
    const span = scanExpression(before, i);
    if (!span.terminated) return { start: lineStart + i, textBeforeCursor: before.slice(i) };
    i = before.indexOf('<+', span.end);
  }
  return undefined;
}
