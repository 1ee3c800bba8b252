// A fast path for the block YAML that Harness files are made of: maps, sequences, plain and
// quoted one-line scalars, one-line flow collections, literal/folded block scalars, comment and
// blank lines. It builds the same `yaml` nodes as the `yaml` parser (yaml is pinned to one
// version for this), several times faster: same values, styles, sources and number formats,
// all three range offsets, and the comments and blank-line marks (`commentBefore`, `comment`,
// `spaceBefore`) where `yaml` puts them. Anything outside that subset (anchors, aliases, tags,
// multi-line plain or quoted scalars, complex keys, several documents, tabs, CR line ends,
// duplicate keys, comments in places whose ownership is subtle, errors) returns undefined and
// the caller uses the `yaml` parser, which also reports the problems. Given the memo of the
// previous version's parse, it re-parses only the sequence items (stages, steps) an edit touched.
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

/**
 * A plain scalar as the YAML 1.2 core schema resolves it (what `yaml` uses by default): its
 * value, and the number format (`OCT`, `HEX`, `EXP`, trailing zeros) `yaml` keeps for output.
 */
function plainScalar(s: string): Y.Scalar {
  const sc = resolvePlain(s);
  sc.source = s;
  sc.type = 'PLAIN';
  return sc;
}

function resolvePlain(s: string): Y.Scalar {
  if (NULL_RE.test(s)) return new Y.Scalar(null);
  const c = s.charCodeAt(0);
  if (c === 116 || c === 84 || c === 102 || c === 70)
    if (BOOL_RE.test(s)) return new Y.Scalar(s[0] === 't' || s[0] === 'T');
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (OCT_RE.test(s)) return withFormat(new Y.Scalar(parseInt(s.slice(2), 8)), 'OCT');
    if (INT_RE.test(s)) {
      const n = parseInt(s, 10);
      return Number.isSafeInteger(n) ? new Y.Scalar(n) : bail();
    }
    if (HEX_RE.test(s)) return withFormat(new Y.Scalar(parseInt(s.slice(2), 16)), 'HEX');
    if (SPECIAL_RE.test(s))
      return new Y.Scalar(s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity);
    if (EXP_RE.test(s)) return withFormat(new Y.Scalar(parseFloat(s)), 'EXP');
    if (FLOAT_RE.test(s)) {
      const sc = new Y.Scalar(parseFloat(s));
      const dot = s.indexOf('.');
      if (dot !== -1 && s[s.length - 1] === '0') sc.minFractionDigits = s.length - dot - 1;
      return sc;
    }
  }
  return new Y.Scalar(s);
}

function withFormat(sc: Y.Scalar, format: string): Y.Scalar {
  sc.format = format;
  return sc;
}

/** A quoted or block scalar: its source is its value. */
function textScalar(value: string, type: Y.Scalar.Type): Y.Scalar {
  const sc = new Y.Scalar(value);
  sc.source = value;
  sc.type = type;
  return sc;
}

// ----- comments and blank lines, placed as `yaml` places them --------------------------------
// A run of comment and blank lines between two content lines is read as `yaml`'s tokens: each
// comment line gives a comment (its text after `#`), each line break a newline. Who owns the run
// depends on where it stands (see FastParser.afterItem); these three functions join it the way
// `yaml` does for each kind of owner.

/** A token of a gap: a comment's text after `#`, or a line break. */
type GapToken = string | typeof NL;
const NL = Symbol('newline');

/** Props before an item (resolveProps): the comment it gets, and whether a blank line precedes it. */
function itemProps(tokens: GapToken[], atNewline: boolean): { comment: string; spaceBefore: boolean } {
  let comment = '';
  let sep = '';
  let spaceBefore = false;
  for (const tok of tokens) {
    if (tok === NL) {
      if (!atNewline) sep += '\n';
      else if (comment) comment += '\n';
      else spaceBefore = true;
      atNewline = true;
    } else {
      const cb = tok || ' ';
      comment = comment ? comment + sep + cb : cb;
      sep = '';
      atNewline = false;
    }
  }
  return { comment, spaceBefore };
}

/** Comments after a node (resolveEnd): joined by the line breaks between them. */
function endComment(tokens: GapToken[]): string {
  let comment = '';
  let sep = '';
  for (const tok of tokens) {
    if (tok === NL) {
      if (comment) sep += '\n';
    } else {
      const cb = tok || ' ';
      comment = comment ? comment + sep + cb : cb;
      sep = '';
    }
  }
  return comment;
}

/** Comments before the document (the composer's prelude): whether a blank line ends them. */
function preludeComment(tokens: GapToken[]): { comment: string; afterEmptyLine: boolean } {
  let comment = '';
  let atComment = false;
  let afterEmptyLine = false;
  for (const tok of tokens) {
    if (tok === NL) {
      if (!atComment) afterEmptyLine = true;
      atComment = false;
    } else {
      comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + (tok || ' ');
      atComment = true;
      afterEmptyLine = false;
    }
  }
  return { comment, afterEmptyLine };
}

/** A node that `yaml` gives a comment after it (inline and attached comment lines). */
type Commentable = Node & { comment?: string | null; commentBefore?: string | null; spaceBefore?: boolean };

/**
 * What parsing a block node gives: the node, the first line after its own lines and, for a
 * collection that ended without keeping the comment and blank lines after it, the first of
 * those lines (they are its parent's to place, up to the next content line).
 */
interface Parsed {
  node: Node;
  nextLine: number;
  pending?: number;
}

const isSpace = (c: number) => c === 32;

/**
 * Sequence items (stages, steps, step groups…) parsed by the previous parse of the same
 * document, by their exact text, so that an edit re-parses only the items it touched. An item's
 * nodes depend only on its text (its lines from the dash's line start, the comment and blank
 * lines after it and the next content line's indentation) and on whether the text ends there:
 * that is the key. A reused item keeps its node objects; its ranges are moved by the distance
 * it moved (so a superseded parse of the document must not be used after the next one, which
 * holds for the engine: it keeps one parse per document). A node is in one document once: an
 * item whose text is already in the document, or that holds one, is parsed again.
 */
export class ParseMemo {
  /** The items placed in the document of the parse that made this memo, by key. */
  readonly items = new Map<string, MemoItem>();
  /** Items taken whole from the previous memo (a figure for tests and benchmarks). */
  reused = 0;

  /** `minLines`: items shorter than this are parsed again (their keys cost about what parsing does). */
  constructor(readonly minLines = 6) {}
}

interface MemoItem {
  /** The item's map; where it starts now is `node.range[0]` (a reused outer item moves it). */
  readonly node: Y.YAMLMap;
  /** Lines from the item's first line to `nextLine`, and to `pending` when it handed lines on. */
  readonly lines: number;
  readonly pending: number | undefined;
  /** The keys of the items memoized inside this one, whose nodes are inside its node. */
  readonly inner: readonly string[];
}

/** Moves every range in a parsed subtree by `delta` (flow and block nodes, keys and values). */
function shiftRanges(node: unknown, delta: number): void {
  if (!node || typeof node !== 'object') return;
  const n = node as {
    range?: [number, number, number] | null;
    items?: unknown[];
    key?: unknown;
    value?: unknown;
  };
  if (n.range) {
    n.range[0] += delta;
    n.range[1] += delta;
    n.range[2] += delta;
  }
  if (Y.isPair(node)) {
    shiftRanges(node.key, delta);
    shiftRanges(node.value, delta);
  } else if (n.items) for (const item of n.items) shiftRanges(item, delta);
}

class FastParser {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Indentation of each line, or -1 for blank and comment-only lines. */
  private readonly indents: number[] = [];

  /** Lines containing a tab: only block scalar content may (tabs elsewhere go to the full parser). */
  private readonly tabLines = new Set<number>();
  /** Column of a comment-only line's `#`, or -1. */
  private readonly commentCols: number[] = [];

  /** The keys of the memoized items being parsed, innermost last (their `inner` lists). */
  private readonly memoStack: string[][] = [];
  /** How to put back what reusing items changed, for a parse that declines after all. */
  private readonly undo: (() => void)[] = [];

  constructor(
    private readonly text: string,
    private readonly previous?: ParseMemo,
    private readonly memo?: ParseMemo,
  ) {
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

  /** The first content line at or after `line`, or the line count at the end of the text. */
  private contentFrom(line: number): number {
    const nl = this.next(line);
    return nl < 0 ? this.indents.length : nl;
  }

  /** Where a line's content starts (its indentation skipped); the text's end past the last line. */
  private contentStart(line: number): number {
    return line < this.indents.length ? this.starts[line] + this.indents[line] : this.text.length;
  }

  /** The tokens of the comment and blank lines `from` ≤ l < `to`. */
  private gap(from: number, to: number): GapToken[] {
    const out: GapToken[] = [];
    for (let l = from; l < to; l++) {
      const c = this.commentCols[l];
      if (c >= 0) out.push(this.text.slice(this.starts[l] + c + 1, this.ends[l]));
      // The last line of a text without a final line break has none.
      if (this.ends[l] < this.text.length) out.push(NL);
    }
    return out;
  }

  /** Whether one of the comment lines `from` ≤ l < `to` starts at column `col` or further right. */
  private commentAtOrRightOf(from: number, to: number, col: number): boolean {
    for (let l = from; l < to; l++) if (this.commentCols[l] >= col) return true;
    return false;
  }

  /** The comment after the value on `line` (from `#` to the line end), or undefined. */
  private inlineComment(line: number, from: number): string | undefined {
    const t = this.text;
    let i = from;
    while (i < this.ends[line] && isSpace(t.charCodeAt(i))) i++;
    return i < this.ends[line] && t.charCodeAt(i) === 35 ? t.slice(i + 1, this.ends[line]) : undefined;
  }

  /** The document: the root block collection with the comments before and after it. */
  parse(): Document.Parsed {
    const first = this.next(0);
    // No content (empty or comments only), an indented root, a root scalar: leave them to yaml.
    if (first < 0 || this.indents[first] !== 0) bail();
    const r = this.node(first, this.starts[first], 0, -1);
    if (!Y.isCollection(r.node) || r.node.flow) bail();
    const root = r.node as Y.YAMLMap | Y.YAMLSeq;
    if (this.next(r.nextLine) >= 0) bail();
    const doc = new Y.Document() as Document.Parsed;
    doc.contents = root as Document.Parsed['contents'];
    // Comment lines before the content: the document's when a blank line follows them, else the first item's.
    const prelude = preludeComment(this.gap(0, first));
    if (prelude.comment) {
      if (prelude.afterEmptyLine) doc.commentBefore = prelude.comment;
      else {
        const item = root.items[0];
        const target = (Y.isPair(item) ? item.key : item) as Commentable;
        target.commentBefore = prelude.comment;
      }
    }
    // Comment and blank lines after it that no collection kept: the document's.
    const contentEnd = root.range ? root.range[2] : this.text.length;
    const after = r.pending !== undefined ? this.gap(r.pending, this.indents.length) : [];
    const comment = endComment(after);
    if (comment) doc.comment = comment;
    // The document ends after them, when there is any text there (spaces on a last line count).
    const tail =
      r.pending !== undefined && r.pending < this.starts.length && this.starts[r.pending] < this.text.length;
    doc.range = [this.starts[first], contentEnd, tail ? this.text.length : contentEnd];
    return doc;
  }

  /** Parses the block node whose content starts at offset `pos` on `line` (column `col`). */
  private node(line: number, pos: number, col: number, parentIndent: number): Parsed {
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

  /**
   * After an item of the block collection at `col`, the comment and blank lines up to the next
   * content line. `value` is the item's value when it is one `yaml` can give trailing comments
   * (a one-line scalar or flow collection): comment lines indented further than the collection
   * that follow it, with the blank lines among them, are its own (`comment`, and its range ends
   * after them). The rest ("K") is what the next item of the collection starts with, or, when
   * the collection ends there, its own comment if one of those comment lines is indented at
   * least as far as the collection (not at column 0), else its parent's to place.
   * Returns the first line of K and the next content line (the line count at the end).
   */
  private afterItem(from: number, col: number, value: Commentable | undefined): { k: number; nl: number } {
    const nl = this.contentFrom(from);
    if (!value) return { k: from, nl };
    let last = -1;
    for (let l = from; l < nl; l++) {
      const c = this.commentCols[l];
      if (c < 0) continue;
      if (c <= col) break;
      last = l;
    }
    if (last < 0) return { k: from, nl };
    const inline: GapToken[] = typeof value.comment === 'string' ? [value.comment] : [];
    value.comment = endComment([...inline, NL, ...this.gap(from, last + 1)]);
    if (value.range)
      value.range[2] = last + 1 < this.starts.length ? this.starts[last + 1] : this.text.length;
    return { k: last + 1, nl };
  }

  /**
   * A block collection ends before content line `nl` (or the text's end): it keeps the comment
   * and blank lines `k` ≤ l < `nl` when one of their comments is indented at least as far as it
   * (then they are its `comment` and its range ends at `nl`'s content), else it hands them on.
   */
  private endCollection(
    coll: Y.YAMLMap | Y.YAMLSeq,
    start: number,
    valueEnd: number,
    col: number,
    k: number,
    nl: number,
    nextLine: number,
  ): Parsed {
    if (col > 0 && this.commentAtOrRightOf(k, nl, col)) {
      const { comment } = itemProps(this.gap(k, nl), true);
      if (comment) (coll as Commentable).comment = comment;
      coll.range = [start, valueEnd, this.contentStart(nl)];
      return { node: coll, nextLine };
    }
    coll.range = [start, valueEnd, valueEnd];
    return { node: coll, nextLine, pending: k };
  }

  /** After a nested block collection: the lines it handed on (none when it kept them) and the next content line. */
  private handedOn(r: Parsed): { k: number; nl: number } {
    const nl = this.contentFrom(r.nextLine);
    return { k: r.pending ?? nl, nl };
  }

  /** The comment and blank-line marks the item after the lines `k` ≤ l < `nl` starts with. */
  private startItem(target: Commentable, k: number, nl: number): void {
    if (k >= nl) return;
    const { comment, spaceBefore } = itemProps(this.gap(k, nl), true);
    if (spaceBefore) target.spaceBefore = true;
    if (comment) target.commentBefore = comment;
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

  private map(line: number, col: number): Parsed {
    const t = this.text;
    const map = new Y.YAMLMap();
    const keys = new Set<string>();
    let l = line;
    let pos = this.starts[line] + col;
    const start = pos;
    let end = pos;
    let k = line;
    for (;;) {
      if (this.tabLines.has(l)) bail();
      const lineEnd = this.ends[l];
      const colon = this.keyEnd(pos, lineEnd);
      if (colon < 0) bail();
      const quoted = t.charCodeAt(pos) === 34 || t.charCodeAt(pos) === 39;
      let keyEnd = colon;
      if (!quoted) while (keyEnd > pos && isSpace(t.charCodeAt(keyEnd - 1))) keyEnd--;
      const keyText = quoted ? t.slice(pos + 1, keyEnd - 1) : t.slice(pos, keyEnd);
      const key = quoted
        ? textScalar(keyText, t[pos] === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE')
        : plainScalar(keyText);
      const keyValue: unknown = key.value;
      if (typeof keyValue !== 'string' && typeof keyValue !== 'number' && typeof keyValue !== 'boolean')
        bail();
      const keyStr = String(keyValue);
      if (keys.has(keyStr)) bail();
      keys.add(keyStr);
      key.range = [pos, keyEnd, keyEnd];
      // The comment and blank lines since the previous item (none before the first).
      this.startItem(key, k, l);
      let v = colon + 1;
      while (v < lineEnd && isSpace(t.charCodeAt(v))) v++;
      if (t.charCodeAt(v) === 9) bail();
      let value: Node;
      let nextLine: number;
      /** The item's value when comment lines after it can be its own. */
      let trailing: Commentable | undefined;
      /** A nested collection's value: what it handed on of the lines after it (undefined: nothing). */
      let nested: Parsed | undefined;
      if (v >= lineEnd || (t.charCodeAt(v) === 35 && v > colon + 1)) {
        // The value is on the following lines (or empty).
        const nl = this.next(l + 1);
        const ni = nl >= 0 ? this.indents[nl] : -1;
        const npos = nl >= 0 ? this.starts[nl] + ni : 0;
        let r: Parsed | undefined;
        if (nl >= 0 && ni > col) r = this.node(nl, npos, ni, col);
        else if (
          nl >= 0 &&
          ni === col &&
          t.charCodeAt(npos) === 45 &&
          (npos + 1 >= this.ends[nl] || isSpace(t.charCodeAt(npos + 1)))
        )
          r = this.seq(nl, col);
        if (r) {
          value = r.node;
          nextLine = r.nextLine;
          // A block collection places the lines after it itself; a scalar may own some (afterItem).
          if (Y.isCollection(value) && !value.flow) nested = r;
          else trailing = value as Commentable;
          // What stands between `key:` and the value (a comment after the colon, comment and
          // blank lines) is the value's.
          const sep: GapToken[] = v < lineEnd ? [t.slice(v + 1, lineEnd)] : [];
          const { comment, spaceBefore } = itemProps([...sep, NL, ...this.gap(l + 1, nl)], false);
          if (spaceBefore) (value as Commentable).spaceBefore = true;
          if (comment) (value as Commentable).commentBefore = comment;
        } else {
          if (v < lineEnd) bail(); // a comment after the colon: ranges differ, leave it to yaml
          // Comments after an empty value change how `yaml` ends the enclosing ranges: leave those to it.
          for (let q = l + 1; q < (nl >= 0 ? nl : this.indents.length); q++)
            if (this.commentCols[q] >= 0) bail();
          value = textScalar('', 'PLAIN');
          (value as Y.Scalar).value = null;
          value.range = [v, v, v];
          nextLine = l + 1;
          // Blank lines after an empty value that ends the map are the value's (`yaml` keeps
          // them between the colon and what follows); before a next key they are that key's.
          const ends = nl < 0 || this.indents[nl] < col;
          if (ends && this.gap(l + 1, this.contentFrom(l + 1)).length > 0)
            (value as Commentable).spaceBefore = true;
          if (ends) {
            map.items.push(new Y.Pair(key, value));
            end = v;
            map.range = [start, end, end];
            return { node: map, nextLine };
          }
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
          trailing = value as Commentable;
        }
      }
      map.items.push(new Y.Pair(key, value));
      const after = nested ? this.handedOn(nested) : this.afterItem(nextLine, col, trailing);
      k = after.k;
      end = value.range ? value.range[2] : colon + 1;
      const nl = after.nl;
      if (nl >= this.indents.length || this.indents[nl] < col)
        return this.endCollection(map, start, end, col, k, nl, nextLine);
      if (this.indents[nl] > col) bail();
      const npos = this.starts[nl] + col;
      if (t.charCodeAt(npos) === 45 && (npos + 1 >= this.ends[nl] || isSpace(t.charCodeAt(npos + 1)))) {
        // A sequence dash at the map's column: not a valid map; leave its comments to yaml.
        if (k < nl) bail();
        map.range = [start, end, end];
        return { node: map, nextLine };
      }
      l = nl;
      pos = npos;
    }
  }

  private seq(line: number, col: number): Parsed {
    const t = this.text;
    const seq = new Y.YAMLSeq();
    let l = line;
    const start = this.starts[line] + col;
    let end = start;
    let k = line;
    for (;;) {
      if (this.tabLines.has(l)) bail();
      const dash = this.starts[l] + col;
      const lineEnd = this.ends[l];
      let v = dash + 1;
      while (v < lineEnd && isSpace(t.charCodeAt(v))) v++;
      if (t.charCodeAt(v) === 9) bail();
      let r: Parsed;
      let trailing: Commentable | undefined;
      if (v >= lineEnd || t.charCodeAt(v) === 35) {
        // `-` alone (or with a comment), the item on the following lines.
        const nl = this.next(l + 1);
        if (v < lineEnd || nl !== l + 1) bail(); // comment or blank lines between: leave to yaml
        if (nl >= 0 && this.indents[nl] > col)
          r = this.node(nl, this.starts[nl] + this.indents[nl], this.indents[nl], col);
        else r = bail(); // an empty item: rare, and its range is subtle
      } else {
        const c = t.charCodeAt(v);
        if (c === 124 || c === 62) r = this.blockScalar(l, v, col);
        else if (this.memo && this.keyEnd(v, lineEnd) >= 0) r = this.memoItem(l, v - this.starts[l]);
        else r = this.node(l, v, v - this.starts[l], col);
      }
      const item = r.node;
      if (!Y.isCollection(item) || item.flow) {
        // A one-line scalar or flow collection may own comment lines after it (not a block scalar).
        if (!Y.isScalar(item) || (item.type !== 'BLOCK_LITERAL' && item.type !== 'BLOCK_FOLDED'))
          trailing = item as Commentable;
      }
      // The comment and blank lines since the previous item (none before the first).
      this.startItem(item as Commentable, k, l);
      seq.items.push(item);
      const nested = Y.isCollection(item) && !item.flow;
      const after = nested ? this.handedOn(r) : this.afterItem(r.nextLine, col, trailing);
      k = after.k;
      end = item.range ? item.range[2] : dash + 1;
      const nl = after.nl;
      const ends =
        nl >= this.indents.length ||
        this.indents[nl] < col ||
        !(
          this.indents[nl] === col &&
          t.charCodeAt(this.starts[nl] + col) === 45 &&
          (this.starts[nl] + col + 1 >= this.ends[nl] || isSpace(t.charCodeAt(this.starts[nl] + col + 1)))
        );
      if (ends) {
        if (nl < this.indents.length && this.indents[nl] > col) bail();
        return this.endCollection(seq, start, end, col, k, nl, r.nextLine);
      }
      l = nl;
    }
  }

  /**
   * The first content line after `line` indented less than `col`, or the line count: a block map
   * at `col` ends there at the latest (a dash at its column may end it sooner, or be a key's value).
   */
  private mapEnd(line: number, col: number): number {
    for (let l = line + 1; l < this.indents.length; l++) {
      const ind = this.indents[l];
      if (ind >= 0 && ind < col) return l;
    }
    return this.indents.length;
  }

  /** A block map that is a sequence item on its dash's line: from the previous parse when its text is the same. */
  private memoItem(line: number, col: number): Parsed {
    const memo = this.memo as ParseMemo;
    const end = this.mapEnd(line, col);
    if (end - line < memo.minLines) return this.map(line, col);
    const key =
      (end >= this.indents.length ? '$' : '^') + this.text.slice(this.starts[line], this.contentStart(end));
    const outer = this.memoStack[this.memoStack.length - 1];
    // The same text already in this document: parsed again, and not memoized a second time.
    if (memo.items.has(key)) return this.map(line, col);
    const hit = this.previous?.items.get(key);
    if (hit?.node.range && this.free(hit.inner)) {
      const delta = this.starts[line] + col - hit.node.range[0];
      if (delta !== 0) shiftRanges(hit.node, delta);
      // What the parent sets on an item it places (comment and blank lines before it) is set again.
      const node = hit.node as Commentable;
      const { commentBefore, spaceBefore } = node;
      delete node.commentBefore;
      delete node.spaceBefore;
      this.undo.push(() => {
        if (delta !== 0) shiftRanges(node, -delta);
        if (commentBefore !== undefined) node.commentBefore = commentBefore;
        if (spaceBefore !== undefined) node.spaceBefore = spaceBefore;
      });
      this.place(key, hit);
      memo.reused++;
      outer?.push(key);
      return {
        node: hit.node,
        nextLine: line + hit.lines,
        pending: hit.pending === undefined ? undefined : line + hit.pending,
      };
    }
    const inner: string[] = [];
    this.memoStack.push(inner);
    const r = this.map(line, col);
    this.memoStack.pop();
    memo.items.set(key, {
      node: r.node as Y.YAMLMap,
      lines: r.nextLine - line,
      pending: r.pending === undefined ? undefined : r.pending - line,
      inner,
    });
    outer?.push(key);
    return r;
  }

  /** None of these items (or the items inside them) is in the document yet. */
  private free(keys: readonly string[]): boolean {
    const memo = this.memo as ParseMemo;
    for (const k of keys) {
      if (memo.items.has(k)) return false;
      const item = this.previous?.items.get(k);
      if (!item || !this.free(item.inner)) return false;
    }
    return true;
  }

  /**
   * The parse declined: the previous parse's items get their ranges and marks back, so that its
   * memo stays right for the next version (a declined parse may have moved items it reused).
   */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
  }

  /** Records a reused item and the items inside it (their nodes moved with it) as placed. */
  private place(key: string, item: MemoItem): void {
    (this.memo as ParseMemo).items.set(key, item);
    for (const k of item.inner) this.place(k, this.previous?.items.get(k) as MemoItem);
  }

  /** After a one-line value on `line`: the next line, which must not continue the value. */
  private afterValue(line: number, col: number): number {
    const nl = this.next(line + 1);
    if (nl >= 0 && this.indents[nl] > col) bail(); // a multi-line plain scalar or a mistake
    return line + 1;
  }

  /** A scalar or flow collection that ends on this line; ranges as `yaml` sets them, with its comment. */
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
      if (s === '-' || s.startsWith('- ') || s.startsWith('---')) bail();
      node = plainScalar(s);
    }
    // What follows on the line may only be a comment.
    let i = end;
    while (i < lineEnd && isSpace(t.charCodeAt(i))) i++;
    if (i < lineEnd && (t.charCodeAt(i) !== 35 || i === end)) bail();
    const comment = this.inlineComment(line, end);
    if (comment !== undefined) (node as Commentable).comment = comment || ' ';
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
    return { node: textScalar(value, q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE'), end: i };
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
      const sc = plainScalar(t.slice(s0, e));
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
  private blockScalar(line: number, pos: number, parentCol: number): Parsed {
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
    // A comment on the header line is the scalar's comment (as written: no text is no comment).
    const headerComment = i < lineEnd ? t.slice(i + 1, lineEnd) : '';
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
      // A last line of spaces (or nothing) without a line break, shorter than the indentation,
      // is no line of the scalar; one as long or longer is a case of its own for yaml.
      if (k === e && e === t.length) {
        if (indent >= 0 && e - s >= indent && e > s) bail();
        break;
      }
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
    // Lines of spaces only that reach past the indentation (leading ones are an error in yaml,
    // later ones content of subtle kinds): leave them to yaml.
    for (const x of contentLines)
      if (this.indents[x] < 0 && this.commentCols[x] < 0 && this.ends[x] - this.starts[x] > indent) bail();
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
      // Leading empty lines are line breaks; a break between two lines is a space, unless empty
      // lines stand between them, which are one line break each.
      let k = 0;
      value = '';
      for (; k < parts.length && parts[k] === ''; k++) value += '\n';
      for (const first = k; k < parts.length; k++) {
        const p = parts[k];
        if (k === first) value += p;
        else if (p === '') value += '\n';
        else value += parts[k - 1] === '' ? p : ` ${p}`;
      }
    }
    if (chomp === 'clip') value += '\n';
    else if (chomp === 'keep') value += '\n'.repeat(1 + trailing);
    const sc = textScalar(value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL');
    if (headerComment) sc.comment = headerComment;
    // Kept trailing blank lines are the scalar's; otherwise they are blank lines after it.
    const lastLine = chomp === 'keep' ? lastContent + trailing : lastContent;
    const endLine = lastLine + 1 < this.starts.length ? this.starts[lastLine + 1] : t.length;
    sc.range = [pos, endLine, endLine];
    return { node: sc, nextLine: lastLine + 1 };
  }
}

/** The document, or undefined when the text needs the full parser. */
export function fastParse(text: string, previous?: ParseMemo, memo?: ParseMemo): Document.Parsed | undefined {
  if (text.includes('\r') || text.length === 0 || /^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  let parser: FastParser | undefined;
  try {
    parser = new FastParser(text, previous, memo);
    return parser.parse();
  } catch (e) {
    parser?.rollback();
    // Not silent failures: Bail is how the fast path declines, and a RangeError (nesting deep
    // enough to exhaust the stack) declines too; yaml then parses the text and reports it.
    if (e instanceof Bail || e instanceof RangeError) return undefined;
    throw e;
  }
}
