// Names and payload types shared by the extension host (src/) and the language server
// (server/). Keep this file free of `vscode` and of Node-only APIs.

/** The id of the language server, used in the client's name and trace setting. */
export const LANGUAGE_SERVER_ID = 'harness';

/** Root keys that mark a YAML document as Harness entity YAML the server handles. */
export const HARNESS_ROOT_KEYS = ['pipeline', 'template', 'inputSet'] as const;
export type HarnessRootKey = (typeof HARNESS_ROOT_KEYS)[number];
