// Validates a YAML AST against a compiled schema, walking the AST (never toJS) so every
// problem carries the exact range of the offending key or value. Unions are resolved by
// their discriminator first, then by best-scoring branch; only the chosen branch's errors
// are reported. Any string containing `<+` is an expression and satisfies any schema.
import type { Document, Node, Scalar } from 'yaml';
import { mapEntries, isAlias, isMap, isScalar, isSeq } from '../yaml/ast';
import type { SchemaNode, SchemaRef, SchemaStore } from '../schema/compile';
import { ERROR, WARNING, listValues, type Problem } from './problems';
import { isTypo, suggest } from './suggest';

/** Keys whose string format semantic checks own (identifier rules, timeout grammar, name rules). */
const SEMANTIC_PATTERN_KEYS: ReadonlySet<string> = new Set(['identifier', 'timeout']);

interface Ctx {
  /** The key whose value is being validated (undefined at the root and for sequence items). */
  key?: string;
  /** Range of that key, where problems about the whole value go. */
  keyRange?: [number, number];
  /** Key of the nearest enclosing pair, for messages about sequence items. */
  owner?: string;
  depth: number;
  /** Required keys this node may omit (`x-harness-optional` on the reference that led here). */
  optional?: ReadonlySet<string>;
  /**
   * Inside a partial entity (`x-harness-partial`: an input set's pipeline holds only the values of
   * runtime inputs): nothing is required, unknown and misspelled keys are still reported.
   */
  partial?: boolean;
}

export interface SchemaValidateLimits {
  /** Alias expansions allowed per document before validation stops following them. */
  maxAliasExpansions: number;
  /** Node visits allowed per document (a guard against pathological inputs). */
  maxVisits: number;
}

const DEFAULT_LIMITS: SchemaValidateLimits = { maxAliasExpansions: 1000, maxVisits: 5_000_000 };

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export class SchemaValidator {
  private aliases = 0;
  private visits = 0;
  private aliasReported = false;
  /** full: report with messages; score: count problems for branch choice; test: stop at the first. */
  private mode: 'full' | 'score' | 'test' = 'full';
  private readonly entryCache = new WeakMap<
    Node,
    { entries: ReturnType<typeof mapEntries>; present: Set<string> }
  >();
  private readonly optionalCache = new WeakMap<object, ReadonlySet<string>>();
  readonly problems: Problem[] = [];

  constructor(
    private readonly store: SchemaStore,
    private readonly doc: Document,
    private readonly limits: SchemaValidateLimits = DEFAULT_LIMITS,
  ) {}

  /** Problems of one node of the document against one schema (a part checked on its own). */
  validateAt(node: Node, schema: SchemaRef): Problem[] {
    const out: Problem[] = [];
    this.validate(node, schema, { depth: 0 }, out);
    return out;
  }

  run(): Problem[] {
    const root = this.doc.contents as Node | null;
    if (root) this.validate(root, this.store.root, { depth: 0 }, this.problems);
    return this.problems;
  }

  private validate(node: Node | null, s: SchemaRef, ctx: Ctx, out: Problem[]): void {
    if (s === true) return;
    if (s !== false) {
      const optional = this.optionalKeys(s);
      if (optional) ctx = { ...ctx, optional };
      if (s['x-harness-partial'] === true && !ctx.partial) ctx = { ...ctx, partial: true };
    }
    // A yes/no test stops at the first problem.
    if (this.mode === 'test' && out.length) return;
    if (++this.visits > this.limits.maxVisits || ctx.depth > 200) return;
    if (node && isAlias(node)) {
      if (++this.aliases > this.limits.maxAliasExpansions) {
        if (!this.aliasReported) {
          this.aliasReported = true;
          this.problems.push({
            code: 'alias-limit',
            message: `Too many alias expansions (more than ${this.limits.maxAliasExpansions}); the rest of the aliases were not validated`,
            start: node.range?.[0] ?? 0,
            end: node.range?.[1] ?? 0,
            severity: WARNING,
          });
        }
        return;
      }
      let target: Node | null = null;
      try {
        target = (node.resolve(this.doc) as Node | undefined) ?? null;
      } catch {
        // An alias without its anchor: the YAML layer reports it; there is nothing to validate.
        target = null;
      }
      if (!target || isAlias(target)) return;
      node = target;
    }
    if (s === false) {
      out.push(this.problem('not-allowed', 'No value is allowed here', node, ctx));
      return;
    }
    for (const part of this.store.deref(s)) {
      if (typeof part === 'boolean') {
        if (!part) out.push(this.problem('not-allowed', 'No value is allowed here', node, ctx));
        continue;
      }
      this.validateNode(node, this.store.node(part), ctx, out);
    }
  }

  private validateNode(node: Node | null, n: SchemaNode, ctx: Ctx, out: Problem[]): void {
    const type = jsonType(node);
    // Expressions stand for any value; null (`key:` with nothing after it) means "not set".
    if (type === 'null') return;
    if (type === 'string' && isExpressionString(node)) return;

    if (n.types && n.types.length && !typeMatches(type, n.types, node)) {
      out.push(this.typeProblem(node, n.types, type, ctx));
      return;
    }
    if (n.enum && node && isScalar(node) && type !== 'object' && type !== 'array') {
      const v = node.value;
      if (
        !n.enum.some((e) => e === v || (typeof e === 'number' && typeof v === 'string' && String(e) === v))
      ) {
        out.push(this.enumProblem(node as Scalar, n.enum, ctx));
        return;
      }
    }
    if (node && isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') this.checkString(node, v, n, ctx, out);
      else if (typeof v === 'number') this.checkNumber(node, v, n, ctx, out);
    } else if (node && isMap(node)) {
      this.checkMap(node, n, ctx, out);
    } else if (node && isSeq(node)) {
      this.checkSeq(node, n, ctx, out);
    }

    if (n.allOf) for (const sub of n.allOf) this.validate(node, sub, ctx, out);
    if (n.if !== undefined && (n.then !== undefined || n.else !== undefined)) {
      const ok = this.passes(node, n.if, ctx);
      const branch = ok ? n.then : n.else;
      if (branch !== undefined) this.validate(node, branch, ctx, out);
    }
    if (n.oneOf && n.oneOf.length) this.validateUnion(node, n.oneOf, n, ctx, out);
    if (n.anyOf && n.anyOf.length) this.validateUnion(node, n.anyOf, n, ctx, out);
    if (n.not !== undefined && this.passes(node, n.not, ctx)) {
      out.push(this.problem('not-allowed', 'This value is not allowed here', node, ctx));
    }
  }

  /** `x-harness-optional` of a schema object, read once per object. */
  private optionalKeys(s: Record<string, unknown>): ReadonlySet<string> | undefined {
    if (!('x-harness-optional' in s)) return undefined;
    let keys = this.optionalCache.get(s);
    if (!keys) {
      const raw = s['x-harness-optional'];
      keys = new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : []);
      this.optionalCache.set(s, keys);
    }
    return keys;
  }

  /** Whether a node satisfies a schema, without reporting (used by schema views for if/then and unions). */
  matches(node: Node | null, s: SchemaRef): boolean {
    return this.passes(node, s, { depth: 0 });
  }

  /** Whether a node satisfies a schema, without reporting. */
  private passes(node: Node | null, s: SchemaRef, ctx: Ctx): boolean {
    const scratch: Problem[] = [];
    const saved = this.mode;
    this.mode = 'test';
    try {
      this.validate(node, s, { ...ctx, depth: ctx.depth + 1 }, scratch);
    } finally {
      this.mode = saved;
    }
    return scratch.length === 0;
  }

  private checkString(node: Scalar, v: string, n: SchemaNode, ctx: Ctx, out: Problem[]): void {
    const r = range(node);
    if (n.minLength !== undefined && v.length < n.minLength) {
      out.push({
        code: 'invalid-length',
        message:
          v.length === 0 ? 'Value must not be empty' : `Value is shorter than ${n.minLength} characters`,
        start: r[0],
        end: r[1],
        severity: ERROR,
      });
    } else if (n.maxLength !== undefined && v.length > n.maxLength) {
      out.push({
        code: 'invalid-length',
        message: `Value is longer than ${n.maxLength} characters`,
        start: r[0],
        end: r[1],
        severity: ERROR,
      });
    }
    if (n.pattern && !(ctx.key && SEMANTIC_PATTERN_KEYS.has(ctx.key)) && !n.format && !n.pattern.test(v)) {
      out.push({
        code: 'pattern-mismatch',
        message: `"${clip(v)}" does not match the expected format ${n.pattern.source}`,
        start: r[0],
        end: r[1],
        severity: ERROR,
      });
    }
  }

  private checkNumber(node: Scalar, v: number, n: SchemaNode, _ctx: Ctx, out: Problem[]): void {
    const r = range(node);
    const bad = (msg: string) =>
      out.push({ code: 'out-of-range', message: msg, start: r[0], end: r[1], severity: ERROR });
    if (n.minimum !== undefined && v < n.minimum) bad(`Value must be at least ${n.minimum}`);
    else if (n.maximum !== undefined && v > n.maximum) bad(`Value must be at most ${n.maximum}`);
    else if (n.exclusiveMinimum !== undefined && v <= n.exclusiveMinimum)
      bad(`Value must be greater than ${n.exclusiveMinimum}`);
    else if (n.exclusiveMaximum !== undefined && v >= n.exclusiveMaximum)
      bad(`Value must be less than ${n.exclusiveMaximum}`);
  }

  private checkMap(node: Node & { items: unknown[] }, n: SchemaNode, ctx: Ctx, out: Problem[]): void {
    // A map is checked against several schema parts (allOf, branches): read its keys once.
    let cached = this.entryCache.get(node);
    if (!cached) {
      const list = mapEntries(node as never);
      cached = { entries: list, present: new Set(list.map((e) => e.key)) };
      this.entryCache.set(node, cached);
    }
    const { entries, present } = cached;
    const closed = n.additionalProperties === false;
    let known: Set<string> | undefined;
    for (const e of entries) {
      const keyRange = range(e.keyNode);
      const childCtx: Ctx = { key: e.key, keyRange, owner: e.key, depth: ctx.depth + 1 };
      if (ctx.partial) childCtx.partial = true;
      const prop = n.properties?.get(e.key);
      if (prop !== undefined) {
        this.validate(e.value, prop, childCtx, out);
        continue;
      }
      let matched = false;
      if (n.patternProperties) {
        for (const pp of n.patternProperties) {
          if (pp.re.test(e.key)) {
            matched = true;
            this.validate(e.value, pp.schema, childCtx, out);
          }
        }
      }
      if (matched) continue;
      if (closed) {
        known ??= this.knownKeys(node, n, ctx);
        if (known.has(e.key) || this.store.anyObjectKeys.has(e.key)) continue;
        const candidates = [...known].filter((k) => !present.has(k));
        const hint = this.mode === 'full' ? suggest(e.key, candidates) : undefined;
        out.push(unknownPropertyProblem(e.key, hint, keyRange));
      } else if (n.additionalProperties !== undefined && n.additionalProperties !== true) {
        this.validate(e.value, n.additionalProperties, childCtx, out);
      }
    }
    for (const req of n.required) {
      if (present.has(req) || ctx.optional?.has(req) || ctx.partial) continue;
      out.push(this.missingProblem(req, node, entries[0]?.keyNode, ctx));
    }
  }

  private checkSeq(node: Node & { items: unknown[] }, n: SchemaNode, ctx: Ctx, out: Problem[]): void {
    const items = node.items as (Node | null)[];
    if (n.minItems !== undefined && items.length < n.minItems) {
      const r = ctx.keyRange ?? range(node);
      out.push({
        code: 'too-few-items',
        message: `At least ${n.minItems} item${n.minItems === 1 ? '' : 's'} required in ${ctx.key ?? 'this list'}`,
        start: r[0],
        end: r[1],
        severity: ERROR,
      });
    }
    if (n.maxItems !== undefined && items.length > n.maxItems) {
      const r = ctx.keyRange ?? range(node);
      out.push({
        code: 'too-many-items',
        message: `At most ${n.maxItems} item${n.maxItems === 1 ? '' : 's'} allowed in ${ctx.key ?? 'this list'}`,
        start: r[0],
        end: r[1],
        severity: ERROR,
      });
    }
    if (n.items === undefined) return;
    items.forEach((item, i) => {
      const s = Array.isArray(n.items) ? n.items[i] : (n.items as SchemaRef);
      if (s === undefined) return;
      const itemCtx: Ctx = { owner: ctx.key ?? ctx.owner, depth: ctx.depth + 1 };
      if (ctx.partial) itemCtx.partial = true;
      this.validate(item, s, itemCtx, out);
    });
  }

  /** Keys a closed object accepts, also counting properties its allOf / if-then parts add. */
  private knownKeys(node: Node, n: SchemaNode, ctx: Ctx): Set<string> {
    const keys = new Set<string>();
    const visit = (sn: SchemaNode, depth: number) => {
      if (depth > 8) return;
      for (const k of sn.properties?.keys() ?? []) keys.add(k);
      const subs: SchemaRef[] = [...(sn.allOf ?? [])];
      if (sn.if !== undefined) {
        const ok = this.passes(node, sn.if, ctx);
        const b = ok ? sn.then : sn.else;
        if (b !== undefined) subs.push(b);
      }
      for (const s of subs)
        for (const part of this.store.deref(s))
          if (typeof part !== 'boolean') visit(this.store.node(part), depth + 1);
    };
    visit(n, 0);
    return keys;
  }

  private validateUnion(
    node: Node | null,
    branches: SchemaRef[],
    n: SchemaNode,
    ctx: Ctx,
    out: Problem[],
  ): void {
    const type = jsonType(node);
    if (node && isMap(node)) {
      const disc = this.store.discriminator(branches, n.discriminatorKey);
      if (disc) {
        const entry = mapEntries(node).find((e) => e.key === disc.key);
        const value = entry?.value;
        if (
          entry &&
          value &&
          isScalar(value) &&
          (typeof value.value === 'string' || typeof value.value === 'number')
        ) {
          const v = String(value.value);
          const expression = v.includes('<+');
          const idx = expression ? undefined : disc.byValue.get(v);
          if (idx && idx.length) {
            this.validateBest(
              node,
              idx.map((i) => branches[i]),
              ctx,
              out,
            );
            return;
          }
          // Branches that do not pin the key may still accept this value.
          const open = branches.filter((b, i) => !disc.pinned[i] && this.typeCompatible(b, type));
          if (open.length && open.some((b) => this.passes(node, b, ctx))) return;
          // A type decided at run time is not a mistake; one no branch knows is reported.
          if (!expression) this.unknownDiscriminatorProblem(v, value, disc.values, n, ctx, out);
          // Either way the keys every member has are still checked (the union says which).
          if (n.unknownBranch !== undefined) this.validate(node, n.unknownBranch, ctx, out);
          return;
        }
        if (!entry && ctx.partial) {
          // A partial member without its type (an input set's step that uses a template): the
          // branch it fits best, reported only when no branch takes it.
          const compatible = branches.filter((b) => this.typeCompatible(b, type));
          if (compatible.length) out.push(...this.bestBranch(node, compatible, ctx).problems);
          return;
        }
        if (!entry) {
          // Without the key, only branches that do not require it can match.
          const optional = branches.filter((b, i) => !disc.requires[i] && this.typeCompatible(b, type));
          if (optional.length) {
            const best = this.bestBranch(node, optional, ctx);
            if (best.problems.length === 0) return;
            if (!optional.every((_, i) => disc.pinned[branches.indexOf(optional[i])])) {
              out.push(...best.problems);
              return;
            }
          }
          out.push(
            this.missingProblem(disc.key, node, mapEntries(node)[0]?.keyNode, {
              ...ctx,
              key: ctx.key ?? n.kind,
            }),
          );
          return;
        }
      }
    }
    const compatible = branches.filter((b) => this.typeCompatible(b, type));
    if (!compatible.length) {
      const expected = new Set<string>();
      for (const b of branches) for (const t of this.branchTypes(b)) expected.add(t);
      if (expected.size) out.push(this.typeProblem(node, [...expected], type, ctx));
      return;
    }
    this.validateBest(node, compatible, ctx, out);
  }

  /**
   * A discriminator value no branch knows. A near-miss of a known value (a typo: case, or one
   * or two edits, see isTypo) is an error even in unions whose unknown values are only
   * warnings, because it would otherwise reach Harness (the push gate stops only on errors). A
   * value further from every known one may be a type Harness has and the bundled schema does
   * not: a warning there, still with the closest known type as a hint.
   */
  private unknownDiscriminatorProblem(
    v: string,
    value: Scalar,
    values: string[],
    n: SchemaNode,
    ctx: Ctx,
    out: Problem[],
  ): void {
    const kind = n.kind ?? ctx.owner ?? ctx.key ?? 'value';
    const hint = this.mode === 'full' ? suggest(v, values) : undefined;
    const r = range(value);
    if (n.unknownDiscriminator === 'warning' && !(hint && isTypo(v, hint))) {
      const checked =
        n.unknownBranch !== undefined
          ? `only the fields every ${kind} has are checked`
          : 'its fields are not checked';
      out.push({
        code: `unknown-${kind}-type`,
        message: `"${clip(v)}" is ${article(kind)} ${kind} type not known to the bundled schema${hint ? ` (did you mean "${hint}"?)` : ''}; ${checked}`,
        start: r[0],
        end: r[1],
        severity: WARNING,
        data: hint ? { value: v, suggestion: hint } : { value: v },
      });
      return;
    }
    const sorted = hint ? [hint, ...values.filter((x) => x !== hint)] : values;
    out.push({
      code: 'invalid-enum',
      message: `"${clip(v)}" is not ${article(kind)} ${kind} type; ${hint ? `did you mean "${hint}"? ` : ''}expected one of ${listValues(sorted)}`,
      start: r[0],
      end: r[1],
      severity: ERROR,
      data: hint ? { suggestion: hint, values } : { values },
    });
  }

  private validateBest(node: Node | null, branches: SchemaRef[], ctx: Ctx, out: Problem[]): void {
    if (branches.length === 1) {
      this.validate(node, branches[0], ctx, out);
      return;
    }
    const best = this.bestBranch(node, branches, ctx);
    out.push(...best.problems);
  }

  private bestBranch(node: Node | null, branches: SchemaRef[], ctx: Ctx): { problems: Problem[] } {
    let best: Problem[] | undefined;
    let bestScore = Infinity;
    let bestBranch: SchemaRef | undefined;
    const saved = this.mode;
    for (const b of branches) {
      const problems: Problem[] = [];
      // Scoring needs counts, not wording: messages and suggestions are made for the winner only.
      if (this.mode === 'full') this.mode = 'score';
      try {
        this.validate(node, b, ctx, problems);
      } finally {
        this.mode = saved;
      }
      if (problems.length === 0) return { problems };
      // Structural mismatches weigh more than a wrong leaf value.
      let score = 0;
      for (const p of problems)
        score +=
          p.code === 'missing-required' || p.code === 'unknown-property' || p.code === 'invalid-type' ? 3 : 1;
      if (score < bestScore) {
        bestScore = score;
        best = problems;
        bestBranch = b;
      }
    }
    if (this.mode === 'full' && bestBranch !== undefined) {
      const problems: Problem[] = [];
      this.validate(node, bestBranch, ctx, problems);
      return { problems };
    }
    return { problems: best ?? [] };
  }

  private branchTypes(b: SchemaRef): string[] {
    const out: string[] = [];
    for (const part of this.store.deref(b)) {
      if (typeof part === 'boolean') continue;
      const n = this.store.node(part);
      if (n.types) out.push(...n.types);
    }
    return out;
  }

  private typeCompatible(b: SchemaRef, type: JsonType): boolean {
    for (const part of this.store.deref(b)) {
      if (part === false) return false;
      if (part === true) continue;
      const n = this.store.node(part);
      if (n.types && n.types.length && !typeMatches(type, n.types)) return false;
    }
    return true;
  }

  private missingProblem(req: string, node: Node, firstKey: Node | undefined, ctx: Ctx): Problem {
    const r = ctx.keyRange ?? (firstKey ? range(firstKey) : [range(node)[0], range(node)[0]]);
    const where = ctx.key ?? ctx.owner;
    return {
      code: 'missing-required',
      message: `Missing required property "${req}"${where ? ` in ${where}` : ''}`,
      start: r[0],
      end: r[1],
      severity: ERROR,
      data: { missing: [req] },
    };
  }

  private typeProblem(node: Node | null, expected: string[], actual: JsonType, ctx: Ctx): Problem {
    const r = node && (isMap(node) || isSeq(node)) && ctx.keyRange ? ctx.keyRange : range(node);
    const names = [...new Set(expected.map(typeName))];
    return {
      code: 'invalid-type',
      message: `Incorrect type: expected ${names.join(' or ')}, found ${typeName(actual)}${ctx.key ? ` for "${ctx.key}"` : ''}`,
      start: r[0],
      end: r[1],
      severity: ERROR,
      data: { expected },
    };
  }

  private enumProblem(node: Scalar, values: unknown[], ctx: Ctx): Problem {
    const r = range(node);
    const v = String(node.value);
    if (!values.length)
      return {
        code: 'invalid-enum',
        message: `"${clip(v)}" is not allowed here`,
        start: r[0],
        end: r[1],
        severity: ERROR,
      };
    if (this.mode !== 'full')
      return { code: 'invalid-enum', message: '', start: r[0], end: r[1], severity: ERROR };
    const hint = suggest(
      v,
      values.filter((x): x is string => typeof x === 'string'),
    );
    return {
      code: 'invalid-enum',
      message: `"${clip(v)}" is not an allowed value${ctx.key ? ` for "${ctx.key}"` : ''}; ${hint ? `did you mean "${hint}"? ` : ''}expected one of ${listValues(values)}`,
      start: r[0],
      end: r[1],
      severity: ERROR,
      data: hint ? { suggestion: hint, values } : { values },
    };
  }

  private problem(code: string, message: string, node: Node | null, ctx: Ctx): Problem {
    const r = node && (isMap(node) || isSeq(node)) && ctx.keyRange ? ctx.keyRange : range(node);
    return { code, message, start: r[0], end: r[1], severity: ERROR };
  }
}

/**
 * A key a closed key list does not have. Harness reads pipeline YAML with unknown keys ignored
 * (Jackson's FAIL_ON_UNKNOWN_PROPERTIES is off in harness-core's YamlUtils), so a key it does not
 * know never fails there, it is silently dropped. A near-miss of a key that belongs here
 * (`timout`, `step` for `steps`: see isTypo) is almost always that mistake: an error, so the push
 * gate stops it. A key far from every known one (a newer Harness key, a key the Harness UI writes
 * and ignores) is only a warning.
 */
export function unknownPropertyProblem(
  key: string,
  hint: string | undefined,
  keyRange: [number, number],
): Problem {
  const typo = hint !== undefined && isTypo(key, hint);
  return {
    code: 'unknown-property',
    message: typo
      ? `Unknown property "${key}" — did you mean "${hint}"?`
      : `Unknown property "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}: Harness ignores keys it does not know here`,
    start: keyRange[0],
    end: keyRange[1],
    severity: typo ? ERROR : WARNING,
    data: hint ? { suggestion: hint, property: key } : { property: key },
  };
}

function range(node: Node | null | undefined): [number, number] {
  const r = node?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export function jsonType(node: Node | null): JsonType {
  if (!node) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return 'string';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
    if (typeof v === 'bigint') return 'integer';
    return 'string';
  }
  return 'null';
}

/**
 * Harness reads YAML scalars with coercion (a number where a string is expected is taken as
 * text, "3" as a number), so such scalars are not type errors.
 */
function typeMatches(actual: JsonType, expected: string[], node?: Node | null): boolean {
  if (expected.includes(actual)) return true;
  if (actual === 'integer' && expected.includes('number')) return true;
  if ((actual === 'integer' || actual === 'number' || actual === 'boolean') && expected.includes('string'))
    return true;
  if (actual === 'string' && node && isScalar(node) && typeof node.value === 'string') {
    const v = node.value.trim();
    if (
      (expected.includes('number') || expected.includes('integer')) &&
      v !== '' &&
      Number.isFinite(Number(v))
    )
      return true;
    if (expected.includes('boolean') && (v === 'true' || v === 'false')) return true;
  }
  return false;
}

function isExpressionString(node: Node | null): boolean {
  return !!node && isScalar(node) && typeof node.value === 'string' && node.value.includes('<+');
}

function typeName(t: string): string {
  switch (t) {
    case 'object':
      return 'an object (map)';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'nothing';
    default:
      return t;
  }
}

/** "a" or "an" before a kind name in messages ("an artifact type", "a step type"). */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
