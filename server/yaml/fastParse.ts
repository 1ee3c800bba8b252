// A fast path for the block YAML that Harness files are made of: maps, sequences, plain and
// quoted one-line scalars, one-line flow collections, literal/folded block scalars, comments.
// It builds the same `yaml` node classes with the same ranges as the `yaml` parser, several
// times faster. Anything outside that subset (anchors, aliases, tags, multi-line plain or quoted
// scalars, complex keys, several documents, tabs, CR line ends, duplicate keys, errors) returns
// undefined and the caller uses the `yaml` parser, which also reports the problems.
import * as Y from 'yaml';
import type { Document, Node } from 'yaml';

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const SPECIAL_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** The value of a plain scalar under the YAML 1.2 core schema (what `yaml` uses by default). */
function resolvePlain(s: string): unknown {
  if (NULL_RE.test(s)) return null;
  const c = s.charCodeAt(0);
  if (c === 116 || c === 84 || c === 102 || c === 70)
    if (BOOL_RE.test(s)) return s[0] === 't' || s[0] === 'T';
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (INT_RE.test(s)) {
      const n = parseInt(s, 10);
      return Number.isSafeInteger(n) ? n : bail();
    }
    if (OCT_RE.test(s)) return parseInt(s.slice(2), 8);
    if (HEX_RE.test(s)) return parseInt(s, 16);
    if (FLOAT_RE.test(s) || EXP_RE.test(s)) return parseFloat(s);
    if (SPECIAL_RE.test(s))
      return s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN')
        ? NaN
        : s[0] === '-'
          ? -Infinity
          : Infinity;
  }
  return s;
}

const isSpace = (c: number) => c === 32;

class FastParser {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Indentation of each line, or -1 for blank and comment-only lines. */
  private readonly indents: number[] = [];

  /** Lines containing a tab: only block scalar content may (tabs elsewhere go to the full parser). */
  private readonly tabLines = new Set<number>();
  /** Column of a comment-only line's `#`, or -1. */
  private readonly commentCols: number[] = [];

  /**
   * A collection's [start, valueEnd, nodeEnd]: `yaml` ends the value at the last entry and,
   * when comment lines indented at least as far as the collection follow, ends the node at
   * the next token after them.
   */
  private collectionRange(
    start: number,
    valueEnd: number,
    fromLine: number,
    col: number,
  ): [number, number, number] {
    let commented = false;
    let l = fromLine;
    for (; l < this.indents.length && this.indents[l] < 0; l++) {
      if (this.commentCols[l] >= col) commented = true;
      else if (this.commentCols[l] >= 0) break;
    }
    if (!commented) return [start, valueEnd, valueEnd];
    const nl = this.next(l);
    return [start, valueEnd, nl >= 0 ? this.starts[nl] + this.indents[nl] : this.text.length];
  }

  constructor(private readonly text: string) {
    let start = 0;
    const n = text.length;
    let nextTab = text.indexOf('\t');
    while (start <= n) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = n;
      if (nextTab >= 0 && nextTab < end) {
        this.tabLines.add(this.starts.length);
        nextTab = text.indexOf('\t', end);
      }
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      const c = i < end ? text.charCodeAt(i) : -1;
      if (c === 9) bail(); // tabs: let the full parser report them
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(c === -1 || c === 35 /* # */ ? -1 : i - start);
      this.commentCols.push(c === 35 ? i - start : -1);
      if (end === n) break;
      start = end + 1;
    }
  }

  /** The first non-blank line at or after `line`, or -1. */
  private next(line: number): number {
    for (let l = line; l < this.indents.length; l++) if (this.indents[l] >= 0) return l;
    return -1;
  }

  parse(): Node | null {
    const first = this.next(0);
    if (first < 0) return null;
    const col = this.indents[first];
    const r = this.node(first, this.starts[first] + col, col, -1);
    if (this.next(r.nextLine) >= 0) bail();
    return r.node;
  }

  /** Parses the block node whose content starts at offset `pos` on `line` (column `col`). */
  private node(
    line: number,
    pos: number,
    col: number,
    parentIndent: number,
  ): { node: Node; nextLine: number } {
    const t = this.text;
    if (this.tabLines.has(line)) bail();
    const c = t.charCodeAt(pos);
    if (c === 45 /* - */ && (pos + 1 >= this.ends[line] || isSpace(t.charCodeAt(pos + 1))))
      return this.seq(line, col);
    if (this.keyEnd(pos, this.ends[line]) >= 0) return this.map(line, col);
    // A lone scalar or flow collection as a block node (a sequence item or the root).
    void parentIndent;
    const v = this.inlineValue(line, pos);
    return { node: v, nextLine: this.afterValue(line, col) };
  }

  /** The offset of the `:` ending a block key starting at `pos`, or -1 when the line is not `key: …`. */
  private keyEnd(pos: number, end: number): number {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 34 || c === 39) {
      const close = t.indexOf(t[pos], pos + 1);
      if (close < 0 || close >= end) return -1;
      if (c === 34 && t.slice(pos + 1, close).includes('\\')) bail();
      return t.charCodeAt(close + 1) === 58 && (close + 2 >= end || isSpace(t.charCodeAt(close + 2)))
        ? close + 1
        : -1;
    }
    if (
      c === 91 ||
      c === 123 ||
      c === 38 ||
      c === 42 ||
      c === 33 ||
      c === 63 ||
      c === 124 ||
      c === 62 ||
      c === 37 ||
      c === 64 ||
      c === 96
    )
      return -1;
    for (let i = pos; i < end; i++) {
      const ch = t.charCodeAt(i);
      if (ch === 58 && (i + 1 >= end || isSpace(t.charCodeAt(i + 1)))) return i;
      if (ch === 35 && i > pos && isSpace(t.charCodeAt(i - 1))) return -1;
    }
    return -1;
  }

  private map(line: number, col: number): { node: Node; nextLine: number } {
    const t = this.text;
    const map = new Y.YAMLMap();
    const keys = new Set<string>();
    let l = line;
    let pos = this.starts[line] + col;
    const start = pos;
    let end = pos;
    for (;;) {
      if (this.tabLines.has(l)) bail();
      const lineEnd = this.ends[l];
      const colon = this.keyEnd(pos, lineEnd);
      if (colon < 0) bail();
      const quoted = t.charCodeAt(pos) === 34 || t.charCodeAt(pos) === 39;
      let keyEnd = colon;
      if (!quoted) while (keyEnd > pos && isSpace(t.charCodeAt(keyEnd - 1))) keyEnd--;
      const keyText = quoted ? t.slice(pos + 1, keyEnd - 1) : t.slice(pos, keyEnd);
      const keyValue = quoted ? keyText : resolvePlain(keyText);
      if (typeof keyValue !== 'string' && typeof keyValue !== 'number' && typeof keyValue !== 'boolean')
        bail();
      const keyStr = String(keyValue);
      if (keys.has(keyStr)) bail();
      keys.add(keyStr);
      const key = new Y.Scalar(keyValue);
      key.range = [pos, keyEnd, keyEnd];
      key.type = quoted ? (t[pos] === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE') : 'PLAIN';
      let v = colon + 1;
      while (v < lineEnd && isSpace(t.charCodeAt(v))) v++;
      if (t.charCodeAt(v) === 9) bail();
      let value: Node;
      let nextLine: number;
      if (v >= lineEnd || (t.charCodeAt(v) === 35 && v > colon + 1)) {
        // The value is on the following lines (or empty).
        const nl = this.next(l + 1);
        const ni = nl >= 0 ? this.indents[nl] : -1;
        const npos = nl >= 0 ? this.starts[nl] + ni : 0;
        if (nl >= 0 && ni > col) {
          const r = this.node(nl, npos, ni, col);
          value = r.node;
          nextLine = r.nextLine;
        } else if (
          nl >= 0 &&
          ni === col &&
          t.charCodeAt(npos) === 45 &&
          (npos + 1 >= this.ends[nl] || isSpace(t.charCodeAt(npos + 1)))
        ) {
          const r = this.seq(nl, col);
          value = r.node;
          nextLine = r.nextLine;
        } else {
          if (v < lineEnd) bail(); // a comment after the colon: ranges differ, leave it to yaml
          // Comments after an empty value change how `yaml` ends the enclosing ranges: leave those to it.
          for (let k = l + 1; k < (nl >= 0 ? nl : this.indents.length); k++)
            if (this.commentCols[k] >= 0) bail();
          value = new Y.Scalar(null);
          value.range = [v, v, v];
          (value as Y.Scalar).type = 'PLAIN';
          nextLine = l + 1;
        }
      } else {
        const c = t.charCodeAt(v);
        if (c === 124 || c === 62) {
          const r = this.blockScalar(l, v, col);
          value = r.node;
          nextLine = r.nextLine;
        } else {
          value = this.inlineValue(l, v);
          nextLine = this.afterValue(l, col);
        }
      }
      map.items.push(new Y.Pair(key, value));
      end = value.range ? value.range[2] : colon + 1;
      const nl = this.next(nextLine);
      if (nl < 0 || this.indents[nl] < col) {
        map.range = this.collectionRange(start, end, nextLine, col);
        return { node: map, nextLine };
      }
      if (this.indents[nl] > col) bail();
      const npos = this.starts[nl] + col;
      if (t.charCodeAt(npos) === 45 && (npos + 1 >= this.ends[nl] || isSpace(t.charCodeAt(npos + 1)))) {
        // A sequence dash at the map's column ends the map (it belongs to an enclosing compact sequence).
        map.range = this.collectionRange(start, end, nextLine, col);
        return { node: map, nextLine };
      }
      l = nl;
      pos = npos;
    }
  }

  private seq(line: number, col: number): { node: Node; nextLine: number } {
    const t = this.text;
    const seq = new Y.YAMLSeq();
    let l = line;
    const start = this.starts[line] + col;
    let end = start;
    for (;;) {
      if (this.tabLines.has(l)) bail();
      const dash = this.starts[l] + col;
      const lineEnd = this.ends[l];
      let v = dash + 1;
      while (v < lineEnd && isSpace(t.charCodeAt(v))) v++;
      if (t.charCodeAt(v) === 9) bail();
      let item: Node;
      let nextLine: number;
      if (v >= lineEnd || t.charCodeAt(v) === 35) {
        const nl = this.next(l + 1);
        if (nl >= 0 && this.indents[nl] > col) {
          const r = this.node(nl, this.starts[nl] + this.indents[nl], this.indents[nl], col);
          item = r.node;
          nextLine = r.nextLine;
        } else {
          bail(); // an empty item: rare, and its range is subtle
        }
        item = item!;
        nextLine = nextLine!;
      } else {
        const c = t.charCodeAt(v);
        if (c === 124 || c === 62) {
          const r = this.blockScalar(l, v, col);
          item = r.node;
          nextLine = r.nextLine;
        } else {
          const r = this.node(l, v, v - this.starts[l], col);
          item = r.node;
          nextLine = r.nextLine;
        }
      }
      seq.items.push(item);
      end = item.range ? item.range[2] : dash + 1;
      const nl = this.next(nextLine);
      if (nl < 0 || this.indents[nl] < col) {
        seq.range = this.collectionRange(start, end, nextLine, col);
        return { node: seq, nextLine: this.nextAfter(end) };
      }
      if (this.indents[nl] > col) bail();
      const npos = this.starts[nl] + col;
      if (!(t.charCodeAt(npos) === 45 && (npos + 1 >= this.ends[nl] || isSpace(t.charCodeAt(npos + 1))))) {
        seq.range = this.collectionRange(start, end, nextLine, col);
        return { node: seq, nextLine: this.nextAfter(end) };
      }
      l = nl;
    }
    seq.range = [start, end, end];
    return { node: seq, nextLine: this.nextAfter(end) };
  }

  /** The line index containing offset `end`, or the next line when `end` is a line start. */
  private nextAfter(end: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= end) lo = mid;
      else hi = mid - 1;
    }
    return this.starts[lo] === end ? lo : lo + 1;
  }

  /** After a one-line value on `line`: the next line, which must not continue the value. */
  private afterValue(line: number, col: number): number {
    const nl = this.next(line + 1);
    if (nl >= 0 && this.indents[nl] > col) bail(); // a multi-line plain scalar or a mistake
    return line + 1;
  }

  /** A scalar or flow collection that ends on this line; ranges as `yaml` sets them. */
  private inlineValue(line: number, pos: number): Node {
    const t = this.text;
    const lineEnd = this.ends[line];
    const c = t.charCodeAt(pos);
    let node: Node;
    let end: number;
    if (c === 91 || c === 123) {
      const r = this.flow(pos, lineEnd);
      node = r.node;
      end = r.end;
    } else if (c === 34 || c === 39) {
      const r = this.quoted(pos, lineEnd);
      node = r.node;
      end = r.end;
    } else if (
      c === 38 ||
      c === 42 ||
      c === 33 ||
      c === 63 ||
      c === 37 ||
      c === 64 ||
      c === 96 ||
      c === 124 ||
      c === 62
    ) {
      return bail();
    } else {
      end = lineEnd;
      // A comment starts at " #"; searched within this line only (no scans to the end of the text).
      for (let h = pos + 1; h < lineEnd; h++) {
        if (t.charCodeAt(h) === 35 && isSpace(t.charCodeAt(h - 1))) {
          end = h;
          break;
        }
      }
      while (end > pos && isSpace(t.charCodeAt(end - 1))) end--;
      const s = t.slice(pos, end);
      if (s.includes(': ') || s.endsWith(':')) bail();
      const sc = new Y.Scalar(resolvePlain(s));
      sc.type = 'PLAIN';
      node = sc;
      if (s === '-' || s.startsWith('- ') || s.startsWith('---')) bail();
    }
    // What follows on the line may only be a comment.
    let i = end;
    while (i < lineEnd && isSpace(t.charCodeAt(i))) i++;
    if (i < lineEnd && (t.charCodeAt(i) !== 35 || i === end)) bail();
    const after = lineEnd < t.length ? lineEnd + 1 : lineEnd;
    node.range = [pos, end, after];
    return node;
  }

  private quoted(pos: number, lineEnd: number): { node: Node; end: number } {
    const t = this.text;
    const q = t[pos];
    let i = pos + 1;
    let value = '';
    if (q === "'") {
      for (;;) {
        const close = t.indexOf("'", i);
        if (close < 0 || close >= lineEnd) bail();
        value += t.slice(i, close);
        if (t[close + 1] === "'") {
          value += "'";
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else {
      const close = t.indexOf('"', i);
      if (close < 0 || close >= lineEnd) bail();
      value = t.slice(i, close);
      if (value.includes('\\')) bail(); // escapes: leave to yaml
      i = close + 1;
    }
    const sc = new Y.Scalar(value);
    sc.type = q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return { node: sc, end: i };
  }

  /** A flow collection closing on this line. */
  private flow(pos: number, lineEnd: number): { node: Node; end: number } {
    const t = this.text;
    const isMap = t[pos] === '{';
    const close = isMap ? '}' : ']';
    const coll = isMap ? new Y.YAMLMap() : new Y.YAMLSeq();
    coll.flow = true;
    const keys = new Set<string>();
    let i = pos + 1;
    const skip = () => {
      while (i < lineEnd && isSpace(t.charCodeAt(i))) i++;
    };
    const scalarAt = (stopAtColon: boolean): Node => {
      skip();
      const c = t.charCodeAt(i);
      if (c === 91 || c === 123) {
        const r = this.flow(i, lineEnd);
        i = r.end;
        return r.node;
      }
      if (c === 34 || c === 39) {
        const r = this.quoted(i, lineEnd);
        r.node.range = [i, r.end, r.end];
        i = r.end;
        return r.node;
      }
      if (
        c === 38 ||
        c === 42 ||
        c === 33 ||
        c === 63 ||
        c === 35 ||
        c === 124 ||
        c === 62 ||
        c === 37 ||
        c === 64 ||
        c === 96
      )
        bail();
      if ((c === 45 || c === 58) && (i + 1 >= lineEnd || isSpace(t.charCodeAt(i + 1)))) bail();
      const s0 = i;
      while (i < lineEnd) {
        const ch = t.charCodeAt(i);
        if (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break;
        if (ch === 58) {
          const nx = i + 1 < lineEnd ? t.charCodeAt(i + 1) : 32;
          // `: ` (or `:` before , ] }) ends a flow key; inside a value it is a mistake.
          if (nx === 32 || nx === 44 || nx === 125 || nx === 93) {
            if (stopAtColon) break;
            bail();
          }
        }
        if (ch === 35 && isSpace(t.charCodeAt(i - 1))) bail();
        i++;
      }
      let e = i;
      while (e > s0 && isSpace(t.charCodeAt(e - 1))) e--;
      if (e === s0) bail();
      const sc = new Y.Scalar(resolvePlain(t.slice(s0, e)));
      sc.type = 'PLAIN';
      sc.range = [s0, e, e];
      return sc;
    };
    skip();
    if (t[i] === close) {
      i++;
      coll.range = [pos, i, i];
      return { node: coll, end: i };
    }
    for (;;) {
      if (isMap) {
        const key = scalarAt(true);
        if (!Y.isScalar(key)) bail();
        const k = String((key as Y.Scalar).value);
        if (keys.has(k)) bail();
        keys.add(k);
        skip();
        if (t[i] !== ':') bail();
        i++;
        skip();
        let value: Node;
        if (t[i] === ',' || t[i] === '}') {
          bail(); // `{a}` / `{a:}`: null values with subtle ranges
        }
        value = scalarAt(false);
        value = value!;
        (coll as Y.YAMLMap).items.push(new Y.Pair(key, value));
      } else {
        (coll as Y.YAMLSeq).items.push(scalarAt(false));
      }
      skip();
      if (t[i] === ',') {
        i++;
        skip();
        if (t[i] === close) bail(); // trailing comma
        continue;
      }
      if (t[i] === close) {
        i++;
        coll.range = [pos, i, i];
        return { node: coll, end: i };
      }
      return bail();
    }
  }

  /** `|` / `>` block scalars with optional chomping indicator. */
  private blockScalar(line: number, pos: number, parentCol: number): { node: Node; nextLine: number } {
    const t = this.text;
    const lineEnd = this.ends[line];
    const folded = t[pos] === '>';
    let i = pos + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    if (t[i] === '-' || t[i] === '+') {
      chomp = t[i] === '-' ? 'strip' : 'keep';
      i++;
    }
    const afterHeader = i;
    while (i < lineEnd && isSpace(t.charCodeAt(i))) i++;
    if (i < lineEnd && (t[i] !== '#' || i === afterHeader)) bail(); // indentation indicators, `|#` and other forms
    // Content: following lines indented more than the parent; blank lines belong to it too.
    let indent = -1;
    let l = line + 1;
    let lastContent = line;
    const contentLines: number[] = [];
    for (; l < this.starts.length; l++) {
      const s = this.starts[l];
      const e = this.ends[l];
      let k = s;
      while (k < e && t.charCodeAt(k) === 32) k++;
      if (k < e && t.charCodeAt(k) === 9 && k - s <= parentCol) bail();
      if (k === e) {
        contentLines.push(l);
        continue;
      }
      const ind = k - s;
      if (indent < 0) {
        if (ind <= parentCol) break;
        indent = ind;
      }
      if (ind < indent) break;
      contentLines.push(l);
      lastContent = l;
    }
    if (indent < 0) bail(); // empty block scalar
    // Trailing blank lines after the last content line are not part of the scalar's lines.
    const used = contentLines.filter((x) => x <= lastContent);
    const trailing = contentLines.filter((x) => x > lastContent).length;
    const parts = used.map((x) => {
      const s = this.starts[x];
      const e = this.ends[x];
      return e - s > indent ? t.slice(s + indent, e) : '';
    });
    let value: string;
    if (!folded) value = parts.join('\n');
    else {
      if (parts.some((p) => p.startsWith(' ') || p.startsWith('\t'))) bail();
      value = '';
      for (let k = 0; k < parts.length; k++) {
        const p = parts[k];
        if (k === 0) value = p;
        else if (p === '') value += '\n';
        else value += parts[k - 1] === '' ? p : ` ${p}`;
      }
    }
    if (chomp === 'clip') value += '\n';
    else if (chomp === 'keep') value += '\n'.repeat(1 + trailing);
    const sc = new Y.Scalar(value);
    sc.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
    const lastLine = chomp === 'keep' ? lastContent + trailing : lastContent;
    const endLine = lastLine + 1 < this.starts.length ? this.starts[lastLine + 1] : t.length;
    sc.range = [pos, endLine, endLine];
    return { node: sc, nextLine: lastContent + 1 };
  }
}

/** The document, or undefined when the text needs the full parser. */
export function fastParse(text: string): Document.Parsed | undefined {
  if (text.includes('\r') || text.length === 0 || /^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  try {
    const root = new FastParser(text).parse();
    const doc = new Y.Document() as Document.Parsed;
    doc.contents = root as Document.Parsed['contents'];
    doc.range = [0, text.length, text.length];
    return doc;
  } catch (e) {
    if (e instanceof Bail || e instanceof RangeError) return undefined;
    throw e;
  }
}
