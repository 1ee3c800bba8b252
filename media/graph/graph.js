// @ts-check
/* global acquireVsCodeApi, document, window, Element */
// The pipeline graph webview's only script (loaded with the page's CSP nonce). It asks the
// extension for the current graph, swaps in the HTML the extension renders (escaped there), keeps
// keyboard focus on the same node across updates, and turns clicks and Enter/Space on a node into
// "reveal this node's YAML" messages. Arrow keys move between nodes in document order.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('graph');
  if (!root) return;

  /** @returns {HTMLElement[]} */
  const nodes = () => Array.from(root.querySelectorAll('[data-node]'));

  /** @param {EventTarget | null} target @param {string} attr */
  const closest = (target, attr) =>
    target instanceof Element ? /** @type {HTMLElement | null} */ (target.closest(`[${attr}]`)) : null;

  root.addEventListener('click', (event) => {
    const log = closest(event.target, 'data-log');
    if (log) {
      vscode.postMessage({ type: 'openLog', id: log.dataset.log });
      return;
    }
    const node = closest(event.target, 'data-node');
    if (node) vscode.postMessage({ type: 'reveal', id: node.dataset.node });
  });

  root.addEventListener('keydown', (event) => {
    const node = closest(event.target, 'data-node');
    if (!node || event.target !== node) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', id: node.dataset.node });
      return;
    }
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const all = nodes();
    const next = all[all.indexOf(node) + step];
    if (next) next.focus();
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || msg.type !== 'render' || typeof msg.html !== 'string') return;
    const focused = closest(document.activeElement, 'data-node')?.dataset.node;
    root.innerHTML = msg.html;
    if (focused)
      nodes()
        .find((n) => n.dataset.node === focused)
        ?.focus();
  });

  vscode.postMessage({ type: 'ready' });
})();
