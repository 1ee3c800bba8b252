// The read-only document of an input set's YAML:
//   harness-inputset:/<account>/<org>/<project>/<pipeline>/<input set>.yaml
// Its own scheme (served by a TextDocumentContentProvider, so VS Code opens it read-only); the
// `.yaml` extension gives it the `yaml` language, and the language server takes this scheme too
// (src/language/documents.ts), so it validates the `inputSet:` root. Plain strings: unit-tested.
export const INPUT_SET_SCHEME = 'harness-inputset';

export interface InputSetLocation {
  accountId: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
  identifier: string;
}

/**
 * The URI's path, decoded (vscode.Uri.from encodes it). Harness identifiers hold no `/`
 * (`^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$`), so each is one segment.
 */
export function inputSetPath(loc: InputSetLocation): string {
  return `/${[loc.accountId, loc.orgIdentifier, loc.projectIdentifier, loc.pipelineIdentifier].join('/')}/${loc.identifier}.yaml`;
}

/** Parses a path (decoded, as vscode.Uri.path is); undefined if it is not an input set document. */
export function parseInputSetPath(path: string): InputSetLocation | undefined {
  const m = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.yaml$/.exec(path);
  if (!m) return undefined;
  return {
    accountId: m[1],
    orgIdentifier: m[2],
    projectIdentifier: m[3],
    pipelineIdentifier: m[4],
    identifier: m[5],
  };
}
