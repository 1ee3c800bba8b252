// Diagnostics on the graph: each problem goes to the innermost node whose YAML contains it (a
// step's problem on the step, not on its stage), the rest to the pipeline itself. Pure: the
// feature turns vscode.Diagnostic ranges into offsets first.
import { allNodes, type PipelineGraph } from './model';

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface GraphProblem {
  /** Offset of the problem's start in the text the graph was built from. */
  readonly offset: number;
  readonly severity: ProblemSeverity;
  readonly message: string;
}

export interface NodeProblems {
  readonly count: number;
  /** The worst severity among them (what the badge shows). */
  readonly severity: ProblemSeverity;
  readonly messages: readonly string[];
}

export interface ProblemMarks {
  /** By graph node id. */
  readonly byNode: ReadonlyMap<string, NodeProblems>;
  /** Problems outside every stage (pipeline name, variables, …). */
  readonly pipeline?: NodeProblems;
}

const RANK: Record<ProblemSeverity, number> = { error: 0, warning: 1, info: 2 };

export function markProblems(graph: PipelineGraph, problems: readonly GraphProblem[]): ProblemMarks {
  // Innermost = the smallest containing range: nested wrappers always lie inside their parents.
  const nodes = allNodes(graph)
    .filter((n) => n.range.end > n.range.start)
    .sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start));
  const grouped = new Map<string, GraphProblem[]>();
  const outside: GraphProblem[] = [];
  for (const p of problems) {
    const node = nodes.find((n) => n.range.start <= p.offset && p.offset < n.range.end);
    if (!node) outside.push(p);
    else grouped.set(node.id, [...(grouped.get(node.id) ?? []), p]);
  }
  const byNode = new Map<string, NodeProblems>();
  for (const [id, list] of grouped) byNode.set(id, summarize(list));
  return outside.length > 0 ? { byNode, pipeline: summarize(outside) } : { byNode };
}

function summarize(list: readonly GraphProblem[]): NodeProblems {
  const severity = list.reduce<ProblemSeverity>(
    (w, p) => (RANK[p.severity] < RANK[w] ? p.severity : w),
    'info',
  );
  return { count: list.length, severity, messages: list.map((p) => p.message) };
}
