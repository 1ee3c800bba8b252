// The graph as HTML for the webview: pure string building, every piece of document text escaped.
// Stages run top to bottom, members of a parallel block side by side, stages and step groups are
// frames around their steps. Nodes are focusable (`data-node`, role=button) with an aria-label
// that says what a sighted user sees (type, template, strategy, problems, run status). No inline
// styles or scripts: the page's CSP allows only the extension's stylesheet and one nonce'd script.
import type { GraphNode, PipelineGraph } from './model';
import type { NodeProblems, ProblemMarks } from './problems';
import type { NodeRun, RunMarks } from './runStatus';

export interface GraphView {
  readonly graph: PipelineGraph;
  readonly problems: ProblemMarks;
  /** The watched run of this pipeline, if any. */
  readonly run?: RunMarks;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The graph's HTML (what goes inside the page's root element). */
export function renderGraphBody(view: GraphView): string {
  const { graph } = view;
  const parts: string[] = ['<header class="pipeline">'];
  parts.push(`<h1>${escapeHtml(graph.name ?? graph.identifier ?? 'Pipeline')}</h1>`);
  if (graph.identifier) parts.push(`<span class="identifier">${escapeHtml(graph.identifier)}</span>`);
  if (view.run) parts.push(runBadge(view.run));
  if (view.problems.pipeline) parts.push(problemBadge(view.problems.pipeline, 'outside the stages'));
  parts.push('</header>');
  if (graph.notice) parts.push(`<p class="notice" role="status">${escapeHtml(graph.notice)}</p>`);
  if (graph.stages.length > 0)
    parts.push(
      `<ol class="flow stages" aria-label="Stages">${graph.stages.map((n) => item(n, view)).join('')}</ol>`,
    );
  return parts.join('');
}

function item(n: GraphNode, view: GraphView): string {
  return `<li class="item">${node(n, view)}</li>`;
}

function node(n: GraphNode, view: GraphView): string {
  if (n.kind === 'parallel') {
    const what = n.children.every((c) => c.kind === 'stage') ? 'stages' : 'steps';
    return (
      `<div class="parallel" role="group" aria-label="${escapeHtml(`In parallel: ${n.children.length} ${what}`)}">` +
      `<span class="parallel-label" aria-hidden="true">parallel</span>` +
      `<ul class="members">${n.children.map((c) => item(c, view)).join('')}</ul></div>`
    );
  }
  const head = nodeHead(n, view);
  if (n.kind === 'step')
    return `<div class="step-row">${head}${logButton(n, view.run?.byNode.get(n.id))}</div>`;
  // Stages and step groups: a frame with their steps and rollback steps.
  const steps =
    n.children.length > 0
      ? `<ol class="flow steps" aria-label="Steps">${n.children.map((c) => item(c, view)).join('')}</ol>`
      : n.template
        ? ''
        : '<p class="empty">No steps</p>';
  const rollback =
    n.rollbackChildren.length > 0
      ? `<div class="rollback"><span class="rollback-label">Rollback</span><ol class="flow steps" aria-label="Rollback steps">${n.rollbackChildren.map((c) => item(c, view)).join('')}</ol></div>`
      : '';
  return `<section class="frame ${n.kind}">${head}${steps}${rollback}</section>`;
}

const KIND_LABEL: Record<GraphNode['kind'], string> = {
  stage: 'Stage',
  step: 'Step',
  stepGroup: 'Step group',
  parallel: 'Parallel',
};

function nodeHead(n: GraphNode, view: GraphView): string {
  const problems = view.problems.byNode.get(n.id);
  const run = view.run?.byNode.get(n.id);
  const title = n.name ?? n.identifier ?? '(unnamed)';
  const kind = n.rollback && n.kind === 'step' ? 'Rollback step' : KIND_LABEL[n.kind];
  const typeText = n.template ? 'Template' : n.type;
  const classes = ['node', n.kind];
  if (n.rollback) classes.push('rollback-node');
  if (n.template) classes.push('from-template');
  if (problems) classes.push(`has-${problems.severity}`);
  if (run) classes.push(`run-${run.group}`);

  const badges: string[] = [];
  if (n.template)
    badges.push(
      `<span class="badge template">${escapeHtml(n.template.ref)}${n.template.version ? `@${escapeHtml(n.template.version)}` : ''}</span>`,
    );
  if (n.strategy) badges.push(`<span class="badge strategy">${escapeHtml(n.strategy)}</span>`);
  if (problems) badges.push(problemBadge(problems));
  if (run) badges.push(`<span class="badge status ${run.group}">${escapeHtml(run.status)}</span>`);

  const label = [
    `${kind} ${title}`,
    typeText ? `type ${typeText}` : '',
    n.template
      ? `from template ${n.template.ref}${n.template.version ? ` version ${n.template.version}` : ''}`
      : '',
    n.strategy ? `${n.strategy} strategy` : '',
    problems ? problemText(problems) : '',
    run ? `run status ${run.status}${run.failureMessage ? `: ${run.failureMessage}` : ''}` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  const tooltip = [
    n.identifier ? `${kind} ${n.identifier}` : kind,
    ...(problems?.messages ?? []),
    ...(run?.failureMessage ? [run.failureMessage] : []),
  ].join('\n');

  return (
    `<div class="${classes.join(' ')}" data-node="${escapeHtml(n.id)}" role="button" tabindex="0" ` +
    `aria-label="${escapeHtml(label)}" title="${escapeHtml(tooltip)}">` +
    `<span class="kind">${escapeHtml(typeText ? `${kind} · ${typeText}` : kind)}</span>` +
    `<span class="name">${escapeHtml(title)}</span>` +
    (badges.length > 0 ? `<span class="badges">${badges.join('')}</span>` : '') +
    `</div>`
  );
}

function problemText(p: NodeProblems): string {
  return `${p.count} ${p.severity === 'info' ? 'note' : p.severity}${p.count === 1 ? '' : 's'}: ${p.messages.join('; ')}`;
}

function problemBadge(p: NodeProblems, where?: string): string {
  const text = where ? `${problemText(p)} (${where})` : problemText(p);
  return `<span class="badge problems ${p.severity}" title="${escapeHtml(p.messages.join('\n'))}" aria-label="${escapeHtml(text)}">${p.count}</span>`;
}

function runBadge(run: RunMarks): string {
  const label = `Run${run.runSequence !== undefined ? ` #${run.runSequence}` : ''}: ${run.status}${run.ended ? '' : ' (watching)'}`;
  return `<span class="badge run ${run.group}" role="status">${escapeHtml(label)}</span>`;
}

function logButton(n: GraphNode, run: NodeRun | undefined): string {
  if (!run?.log) return '';
  const name = n.name ?? n.identifier ?? 'step';
  return `<button class="open-log" data-log="${escapeHtml(n.id)}" aria-label="${escapeHtml(`Open log of ${name}`)}">Open log</button>`;
}

export interface GraphDocumentParts {
  /** A fresh random nonce per page load (makeNonce). */
  readonly nonce: string;
  /** webview.cspSource: where the extension's own resources come from. */
  readonly cspSource: string;
  readonly styleUri: string;
  readonly scriptUri: string;
  readonly title: string;
  /** renderGraphBody's output. */
  readonly body: string;
}

/** The whole page: a strict CSP (nothing remote, no inline code), the stylesheet, the body and the script. */
export function renderGraphDocument(p: GraphDocumentParts): string {
  const csp = [
    "default-src 'none'",
    `style-src ${p.cspSource}`,
    `img-src ${p.cspSource}`,
    `font-src ${p.cspSource}`,
    `script-src 'nonce-${p.nonce}'`,
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    // Only `"` could end the attribute; the policy's own quotes stay readable.
    `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(p.styleUri)}">`,
    `<title>${escapeHtml(p.title)}</title>`,
    '</head>',
    '<body>',
    `<main id="graph" aria-label="${escapeHtml(p.title)}">${p.body}</main>`,
    `<script nonce="${escapeHtml(p.nonce)}" src="${escapeHtml(p.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** 32 random alphanumerics from the platform's crypto (Node 20 and web workers both have it). */
export function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
