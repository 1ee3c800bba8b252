// The pipeline graph model: YAML text → stages, parallel blocks, step groups, steps, rollback
// steps, template references and strategies, each with the offsets of its YAML; and no input,
// however broken or large, makes it throw.
import * as assert from 'node:assert/strict';
import { allNodes, buildGraph, findNode, MAX_GRAPH_TEXT, type GraphNode } from '../../../../src/graph/model';

export const SAMPLE = [
  'pipeline:',
  '  name: Graph Sample',
  '  identifier: graph_sample',
  '  orgIdentifier: default',
  '  projectIdentifier: default_project',
  '  stages:',
  '    - stage:',
  '        name: Build',
  '        identifier: build',
  '        type: CI',
  '        spec:',
  '          execution:',
  '            steps:',
  '              - step:',
  '                  type: Run',
  '                  name: Compile',
  '                  identifier: compile',
  '              - parallel:',
  '                  - step:',
  '                      type: Run',
  '                      name: Unit tests',
  '                      identifier: unit',
  '                  - step:',
  '                      type: Run',
  '                      name: Lint',
  '                      identifier: lint',
  '              - stepGroup:',
  '                  name: Checks',
  '                  identifier: checks',
  '                  steps:',
  '                    - step:',
  '                        type: ShellScript',
  '                        name: Scan',
  '                        identifier: scan',
  '                        strategy:',
  '                          matrix:',
  '                            os: [linux, windows]',
  '              - step:',
  '                  name: Shared',
  '                  identifier: shared',
  '                  template:',
  '                    templateRef: account.shared_step',
  '                    versionLabel: v2',
  '    - parallel:',
  '        - stage:',
  '            name: Deploy EU',
  '            identifier: deploy_eu',
  '            type: Deployment',
  '            strategy:',
  '              repeat:',
  '                items: [a, b]',
  '            spec:',
  '              execution:',
  '                steps:',
  '                  - step:',
  '                      type: K8sRollingDeploy',
  '                      name: Roll out',
  '                      identifier: rollout',
  '                rollbackSteps:',
  '                  - step:',
  '                      type: K8sRollingRollback',
  '                      name: Roll back',
  '                      identifier: rollback',
  '        - stage:',
  '            name: From Template',
  '            identifier: from_template',
  '            template:',
  '              templateRef: org.deploy_stage',
  '              versionLabel: "1"',
  '',
].join('\n');

const text = (t: string, n: GraphNode) => t.slice(n.range.start, n.range.end);

describe('graph model: pipeline YAML → graph', () => {
  const graph = buildGraph(SAMPLE);

  it('reads the pipeline and its stages in order, a parallel block as one item holding its stages', () => {
    assert.equal(graph.identifier, 'graph_sample');
    assert.equal(graph.name, 'Graph Sample');
    assert.equal(graph.orgIdentifier, 'default');
    assert.equal(graph.projectIdentifier, 'default_project');
    assert.equal(graph.notice, undefined);
    assert.deepEqual(
      graph.stages.map((s) => [s.kind, s.identifier]),
      [
        ['stage', 'build'],
        ['parallel', undefined],
      ],
    );
    assert.deepEqual(
      graph.stages[1].children.map((s) => [s.kind, s.identifier, s.type]),
      [
        ['stage', 'deploy_eu', 'Deployment'],
        ['stage', 'from_template', undefined],
      ],
    );
  });

  it('reads steps with their types, parallel steps, step groups and their steps', () => {
    const build = graph.stages[0];
    assert.equal(build.type, 'CI');
    assert.deepEqual(
      build.children.map((n) => [n.kind, n.identifier ?? null, n.type ?? null]),
      [
        ['step', 'compile', 'Run'],
        ['parallel', null, null],
        ['stepGroup', 'checks', null],
        ['step', 'shared', null],
      ],
    );
    assert.deepEqual(
      build.children[1].children.map((n) => [n.name, n.type]),
      [
        ['Unit tests', 'Run'],
        ['Lint', 'Run'],
      ],
    );
    assert.deepEqual(
      build.children[2].children.map((n) => [n.identifier, n.type]),
      [['scan', 'ShellScript']],
    );
  });

  it('marks template references, strategies and rollback steps', () => {
    const build = graph.stages[0];
    assert.deepEqual(build.children[3].template, { ref: 'account.shared_step', version: 'v2' });
    assert.equal(build.children[2].children[0].strategy, 'matrix');
    const [eu, fromTemplate] = graph.stages[1].children;
    assert.equal(eu.strategy, 'repeat');
    assert.deepEqual(fromTemplate.template, { ref: 'org.deploy_stage', version: '1' });
    assert.deepEqual(
      eu.rollbackChildren.map((n) => [n.identifier, n.type, n.rollback]),
      [['rollback', 'K8sRollingRollback', true]],
    );
    assert.equal(eu.children[0].rollback, false);
  });

  it('gives each node the source range of its YAML, nested inside its parent', () => {
    const build = graph.stages[0];
    assert.match(text(SAMPLE, build), /^stage:\n\s+name: Build/);
    const compile = build.children[0];
    assert.match(text(SAMPLE, compile), /^step:\n\s+type: Run\n\s+name: Compile\n\s+identifier: compile$/);
    const scan = build.children[2].children[0];
    assert.match(text(SAMPLE, scan), /^step:[\s\S]*identifier: scan[\s\S]*os: \[linux, windows\]$/);
    for (const n of allNodes(graph))
      for (const c of [...n.children, ...n.rollbackChildren]) {
        assert.ok(n.range.start <= c.range.start && c.range.end <= n.range.end, `${c.id} inside ${n.id}`);
      }
  });

  it('gives every node a unique id that finds it, and Harness fully qualified names', () => {
    const nodes = allNodes(graph);
    assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length);
    for (const n of nodes) assert.equal(findNode(graph, n.id), n);
    const fqns = nodes.map((n) => n.fqn).filter((f) => f !== undefined);
    assert.ok(fqns.includes('pipeline.stages.build'));
    assert.ok(fqns.includes('pipeline.stages.build.spec.execution.steps.compile'));
    // Parallel blocks are no level of their own; step groups are, with their `steps`.
    assert.ok(fqns.includes('pipeline.stages.build.spec.execution.steps.unit'));
    assert.ok(fqns.includes('pipeline.stages.build.spec.execution.steps.checks.steps.scan'));
    assert.ok(fqns.includes('pipeline.stages.deploy_eu.spec.execution.rollbackSteps.rollback'));
  });

  it('reads a pipeline template (template: type Pipeline) like a pipeline', () => {
    const t = buildGraph(
      [
        'template:',
        '  name: Golden',
        '  identifier: golden',
        '  versionLabel: v1',
        '  type: Pipeline',
        '  spec:',
        '    stages:',
        '      - stage: {name: A, identifier: a, type: Custom, spec: {execution: {steps: [{step: {type: Wait, name: W, identifier: w}}]}}}',
      ].join('\n'),
    );
    assert.equal(t.identifier, 'golden');
    assert.deepEqual(
      allNodes(t).map((n) => `${n.kind}:${n.identifier}:${n.type}`),
      ['stage:a:Custom', 'step:w:Wait'],
    );
  });
});

describe('graph model: broken, partial and odd input', function () {
  // The parser's worst cases on a machine shared with other builds: bounded, not instant.
  this.timeout(20_000);
  it('says so when the text is not a pipeline', () => {
    for (const t of ['', 'just text', '- a\n- b', 'connector:\n  identifier: x', '42'])
      assert.match(buildGraph(t).notice ?? '', /Not a Harness pipeline/, JSON.stringify(t));
  });

  it('keeps what it can read of a document with a YAML error, and says there is one', () => {
    const broken = SAMPLE.replace('        name: Build', '        name: Build\n      bad: [unclosed');
    const g = buildGraph(broken);
    assert.match(g.notice ?? '', /YAML error/);
    assert.doesNotThrow(() => allNodes(g));
  });

  it('shows a pipeline being typed: no stages yet, a stage without steps, a step without a type', () => {
    assert.match(buildGraph('pipeline:\n  name: New\n  identifier: new\n').notice ?? '', /no stages/);
    const g = buildGraph(
      'pipeline:\n  stages:\n    - stage:\n        name: S\n    - step:\n    - \n    - stage: 5\n',
    );
    assert.deepEqual(
      g.stages.map((s) => [s.kind, s.name, s.children.length]),
      [['stage', 'S', 0]],
    );
    const steps = buildGraph(
      'pipeline:\n  stages:\n    - stage:\n        spec:\n          execution:\n            steps:\n              - step:\n                  name: half\n',
    );
    assert.deepEqual(
      allNodes(steps).map((n) => [n.kind, n.name, n.type]),
      [
        ['stage', undefined, undefined],
        ['step', 'half', undefined],
      ],
    );
  });

  it('does not expand aliases (an alias bomb stays small and fast)', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('pipeline:', '  identifier: bomb', '  stages: *a29');
    const started = Date.now();
    const g = buildGraph(lines.join('\n'));
    assert.ok(Date.now() - started < 1000);
    assert.equal(g.identifier, 'bomb');
    assert.equal(g.stages.length, 0);
  });

  it('survives deep nesting, binary noise and random cuts of a real pipeline', () => {
    assert.doesNotThrow(() => buildGraph(`pipeline:\n  stages: ${'['.repeat(5000)}`));
    assert.doesNotThrow(() =>
      buildGraph(`pipeline:\n  stages:\n${'  - stepGroup:\n      steps:\n'.repeat(2000)}`),
    );
    assert.doesNotThrow(() => buildGraph('\u0000\uffff\t\r\n:::- - - {{{'));
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 150; i++) {
      const cut = Math.floor(rand() * SAMPLE.length);
      const mutated =
        SAMPLE.slice(0, cut) +
        (rand() < 0.5 ? '' : '\n  : - [') +
        SAMPLE.slice(cut + Math.floor(rand() * 40));
      const g = buildGraph(mutated);
      for (const n of allNodes(g)) assert.ok(n.range.start <= n.range.end && n.range.end <= mutated.length);
    }
  });

  it('declines a 10 MB document quickly, with a notice instead of a graph', () => {
    const big = SAMPLE + '#'.repeat(10 * 1024 * 1024);
    const started = Date.now();
    const g = buildGraph(big);
    assert.ok(Date.now() - started < 200);
    assert.equal(g.stages.length, 0);
    assert.match(g.notice ?? '', /too large/);
    assert.ok(big.length > MAX_GRAPH_TEXT);
  });

  it('builds a large pipeline (100 stages × 20 steps, 350 KB) fast enough to follow typing', () => {
    const stage = (i: number) => {
      const steps = Array.from(
        { length: 20 },
        (_, j) =>
          `              - step:\n                  type: Run\n                  name: Step ${j}\n                  identifier: s${j}\n                  spec:\n                    command: echo ${j}\n`,
      ).join('');
      return `    - stage:\n        name: Stage ${i}\n        identifier: st${i}\n        type: CI\n        spec:\n          execution:\n            steps:\n${steps}`;
    };
    const big = `pipeline:\n  name: Big\n  identifier: big\n  stages:\n${Array.from({ length: 100 }, (_, i) => stage(i)).join('')}`;
    assert.ok(big.length < MAX_GRAPH_TEXT, `${big.length} bytes`);
    buildGraph(big); // warm up the parser's code paths
    const started = Date.now();
    const g = buildGraph(big);
    const ms = Date.now() - started;
    assert.equal(allNodes(g).length, 100 * 21);
    assert.ok(ms < 1000, `${ms} ms for ${(big.length / 1024).toFixed(0)} KB`);
  });
});
