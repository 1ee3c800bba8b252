// Outline: pipeline → stages → steps, with step groups and parallel blocks as containers; the
// other Harness kinds as one symbol with their type (a service with its manifests and artifacts).
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { ParsedYaml } from '../yaml/types';
import type { LineMap } from './nodes';
import { outlineOf, type Entity, type EntityKind } from './outline';

const KINDS: Record<EntityKind, SymbolKind> = {
  pipeline: SymbolKind.Module,
  template: SymbolKind.Module,
  inputSet: SymbolKind.Module,
  overlayInputSet: SymbolKind.Module,
  trigger: SymbolKind.Event,
  service: SymbolKind.Module,
  environment: SymbolKind.Module,
  infrastructureDefinition: SymbolKind.Module,
  connector: SymbolKind.Interface,
  secret: SymbolKind.Key,
  manifest: SymbolKind.File,
  artifact: SymbolKind.Package,
  stage: SymbolKind.Class,
  stepGroup: SymbolKind.Namespace,
  parallel: SymbolKind.Array,
  step: SymbolKind.Function,
};

function toSymbol(e: Entity, lines: LineMap): DocumentSymbol {
  const range = { start: lines.positionAt(e.range[0]), end: lines.positionAt(e.range[1]) };
  let sel = { start: lines.positionAt(e.selectionRange[0]), end: lines.positionAt(e.selectionRange[1]) };
  // LSP requires the selection range inside the full range.
  if (e.selectionRange[0] < e.range[0] || e.selectionRange[1] > e.range[1]) sel = range;
  const detailParts = [e.identifier, e.type].filter((x): x is string => !!x);
  return DocumentSymbol.create(
    e.name || e.identifier || e.kind,
    detailParts.join(' · ') || undefined,
    KINDS[e.kind],
    range,
    sel,
    e.children.map((c) => toSymbol(c, lines)),
  );
}

export function documentSymbols(parsed: ParsedYaml): DocumentSymbol[] {
  const root = outlineOf(parsed);
  return root ? [toSymbol(root, parsed.lines)] : [];
}
