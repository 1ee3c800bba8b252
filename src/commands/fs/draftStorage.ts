// Drafts on disk: one JSON file per draft in the extension's global storage (drafts/), read and
// written through vscode.workspace.fs so it works wherever the extension host runs. A file that
// cannot be read or parsed is skipped and logged, never fatal.
import * as vscode from 'vscode';
import type { Log } from '../../ui/log';
import { draftFileName, isDraft, type Draft, type DraftStorage } from './drafts';

export function fileDraftStorage(globalStorage: vscode.Uri, log: Log): DraftStorage {
  const dir = vscode.Uri.joinPath(globalStorage, 'drafts');
  const fileOf = async (key: string) => vscode.Uri.joinPath(dir, await draftFileName(key));
  return {
    async readAll(): Promise<Draft[]> {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir);
      } catch {
        return []; // no drafts folder yet: nothing was ever kept
      }
      const drafts: Draft[] = [];
      for (const [name, type] of entries) {
        if (type !== vscode.FileType.File || !name.endsWith('.json')) continue;
        try {
          const parsed: unknown = JSON.parse(
            new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name))),
          );
          if (isDraft(parsed)) drafts.push(parsed);
          else log.warn(`Ignoring draft ${name}: not a draft record`);
        } catch (err) {
          log.warn(`Ignoring draft ${name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return drafts;
    },
    async write(draft: Draft): Promise<void> {
      await vscode.workspace.fs.createDirectory(dir);
      await vscode.workspace.fs.writeFile(
        await fileOf(draft.key),
        new TextEncoder().encode(JSON.stringify(draft)),
      );
    },
    async remove(key: string): Promise<void> {
      try {
        await vscode.workspace.fs.delete(await fileOf(key));
      } catch (err) {
        if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) throw err;
      }
    },
  };
}
