// The graph's HTML: what the webview shows and what a screen reader hears, every piece of
// document text escaped, and a page that can load nothing but the extension's own stylesheet
// and its one nonce'd script.
import * as assert from 'node:assert/strict';
import { allNodes, buildGraph } from '../../../../src/graph/model';
import { markProblems } from '../../../../src/graph/problems';
import { escapeHtml, makeNonce, renderGraphBody, renderGraphDocument } from '../../../../src/graph/render';
import { markRun } from '../../../../src/graph/runStatus';
import { SAMPLE } from './model.test';

const graph = buildGraph(SAMPLE);
const noMarks = markProblems(graph, []);

/** The attributes of the element carrying data-node="id". */
function nodeTag(html: string, id: string): string {
  const m = new RegExp(`<div [^>]*data-node="${id.replace(/\./g, '\\.')}"[^>]*>`).exec(html);
  assert.ok(m, `node ${id} rendered`);
  return m[0];
}

describe('graph render: body', () => {
  it('renders every node once, focusable, with a label naming its kind, name and type', () => {
    const html = renderGraphBody({ graph, problems: noMarks });
    for (const n of allNodes(graph).filter((x) => x.kind !== 'parallel')) {
      const tag = nodeTag(html, n.id);
      assert.match(tag, /role="button"/);
      assert.match(tag, /tabindex="0"/);
      assert.equal(html.split(`data-node="${n.id}"`).length, 2, `${n.id} once`);
    }
    const compile = allNodes(graph).find((n) => n.identifier === 'compile');
    assert.match(nodeTag(html, compile?.id ?? ''), /aria-label="Step Compile, type Run"/);
    assert.match(html, /role="group" aria-label="In parallel: 2 stages"/);
    assert.match(html, /role="group" aria-label="In parallel: 2 steps"/);
  });

  it('shows templates, strategies and rollback steps as such', () => {
    const html = renderGraphBody({ graph, problems: noMarks });
    const byId = (identifier: string) => allNodes(graph).find((n) => n.identifier === identifier)?.id ?? '';
    assert.match(
      nodeTag(html, byId('shared')),
      /aria-label="Step Shared, type Template, from template account\.shared_step version v2"/,
    );
    assert.match(html, /<span class="badge template">org\.deploy_stage@1<\/span>/);
    assert.match(nodeTag(html, byId('scan')), /matrix strategy/);
    assert.match(nodeTag(html, byId('deploy_eu')), /repeat strategy/);
    assert.match(nodeTag(html, byId('rollback')), /class="node step rollback-node"/);
    assert.match(
      nodeTag(html, byId('rollback')),
      /aria-label="Rollback step Roll back, type K8sRollingRollback"/,
    );
    assert.match(html, /<span class="rollback-label">Rollback<\/span>/);
  });

  it('marks a node with problems: class, count badge, messages in tooltip and label', () => {
    const offset = SAMPLE.indexOf('name: Lint');
    const problems = markProblems(graph, [
      { offset, severity: 'error', message: 'Duplicate identifier "lint"' },
      { offset, severity: 'warning', message: 'Name & <type> "quoted"' },
    ]);
    const html = renderGraphBody({ graph, problems });
    const lint = allNodes(graph).find((n) => n.identifier === 'lint')?.id ?? '';
    const tag = nodeTag(html, lint);
    assert.match(tag, /class="node step has-error"/);
    assert.match(
      tag,
      /aria-label="Step Lint, type Run, 2 errors: Duplicate identifier &#34;lint&#34;; Name &#38; &#60;type&#62;/,
    );
    assert.match(
      tag,
      /title="Step lint\nDuplicate identifier &#34;lint&#34;\nName &#38; &#60;type&#62; &#34;quoted&#34;"/,
    );
    assert.match(html, /<span class="badge problems error" [^>]*>2<\/span>/);
  });

  it('shows the run: a header badge, each node’s status and an Open log button for steps with a log', () => {
    const summary = {
      pipelineIdentifier: 'graph_sample',
      planExecutionId: 'e',
      status: 'Running',
      runSequence: 3,
    };
    const run = markRun(graph, {
      accountId: 'a',
      scope: { orgIdentifier: 'default', projectIdentifier: 'default_project' },
      pipelineIdentifier: 'graph_sample',
      planExecutionId: 'e',
      summary,
      detail: {
        summary,
        stagesWithSteps: [],
        stages: [
          {
            id: 'b',
            identifier: 'build',
            name: 'Build',
            kind: 'stage',
            status: 'Running',
            children: [
              {
                id: 'c',
                identifier: 'compile',
                name: 'Compile',
                kind: 'step',
                status: 'Failed',
                logBaseKey: 'k',
                children: [],
              },
            ],
          },
        ],
      },
      ended: false,
    });
    const html = renderGraphBody({ graph, problems: noMarks, run });
    assert.match(html, /<span class="badge run running" role="status">Run #3: Running \(watching\)<\/span>/);
    const compile = allNodes(graph).find((n) => n.identifier === 'compile')?.id ?? '';
    assert.match(nodeTag(html, compile), /class="node step run-failed"/);
    assert.match(nodeTag(html, compile), /run status Failed/);
    assert.match(
      html,
      new RegExp(`<button class="open-log" data-log="${compile}" aria-label="Open log of Compile">`),
    );
    assert.equal(html.match(/class="open-log"/g)?.length, 1);
  });

  it('escapes every piece of document text: names, identifiers, types, template refs, notices', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const yaml = [
      'pipeline:',
      `  name: '${evil.replace(/'/g, "''")}'`,
      `  identifier: '${evil.replace(/'/g, "''")}'`,
      '  stages:',
      '    - stage:',
      `        name: '<script>alert(1)</script>'`,
      `        identifier: 'a"b'`,
      `        type: '<b>CI</b>'`,
      '        template:',
      `          templateRef: '"><iframe src=https://evil.example>'`,
    ].join('\n');
    const g = buildGraph(yaml);
    const html = renderGraphBody({
      graph: g,
      problems: markProblems(g, [{ offset: 30, severity: 'error', message: '</span><a href="https://x">' }]),
    });
    // The only tags are the renderer's own, and none of them loads anything.
    const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/g)];
    const names = new Set(tags.map((m) => m[1]));
    assert.deepEqual([...names].sort(), ['div', 'h1', 'header', 'li', 'ol', 'section', 'span']);
    for (const [, , attrs] of tags) assert.doesNotMatch(attrs, /\s(?:src|href|on[a-z]+|style)="/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    // Between tags and inside attributes, no raw quote or angle bracket from the text survives.
    for (const attr of html.match(/="[^"]*"/g) ?? []) assert.doesNotMatch(attr.slice(2, -1), /[<>"]/);
    assert.equal(escapeHtml(`<>&"'`), '&#60;&#62;&#38;&#34;&#39;');
  });

  it('says why there is no graph', () => {
    const html = renderGraphBody({ graph: buildGraph('foo: [unclosed'), problems: { byNode: new Map() } });
    assert.match(html, /<p class="notice" role="status">/);
    assert.doesNotMatch(html, /data-node/);
  });
});

describe('graph render: page', () => {
  const parts = {
    nonce: makeNonce(),
    cspSource: 'vscode-resource:',
    styleUri: 'vscode-resource:/ext/media/graph/graph.css',
    scriptUri: 'vscode-resource:/ext/media/graph/graph.js',
    title: 'Graph: <x>.yaml',
    body: renderGraphBody({ graph, problems: noMarks }),
  };
  const page = renderGraphDocument(parts);

  it('has a strict Content-Security-Policy: nothing by default, styles from the extension, a nonce for scripts', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
    const directives = csp.split(';').map((d) => d.trim());
    assert.ok(directives.includes("default-src 'none'"), csp);
    assert.ok(directives.includes('style-src vscode-resource:'), csp);
    assert.ok(directives.includes(`script-src 'nonce-${parts.nonce}'`), csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:/);
    // The meta comes before anything that loads.
    assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<link'));
  });

  it('loads only the extension stylesheet and the one script, which carries the nonce', () => {
    const scripts = page.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${parts.nonce}" src="${parts.scriptUri}">`]);
    const loads = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(loads.sort(), [parts.scriptUri, parts.styleUri].sort());
    assert.doesNotMatch(page, /https?:\/\//);
    assert.doesNotMatch(page, /\sstyle=|\son[a-z]+=/i);
    assert.match(page, /<title>Graph: &#60;x&#62;\.yaml<\/title>/);
  });

  it('makes a fresh 32-character alphanumeric nonce each time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
  });
});
