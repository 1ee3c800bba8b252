// A quick pick that opens on a chosen item, so Enter takes it (showQuickPick always starts on the
// first): a runtime input's default, the failed stage to re-run from.
import * as vscode from 'vscode';

export interface PickActiveOptions {
  title?: string;
  placeholder?: string;
  ignoreFocusOut?: boolean;
}

/** The item the user accepts (the active one on Enter), or undefined when the pick is dismissed. */
export function pickActive<T extends vscode.QuickPickItem>(
  items: readonly T[],
  active: number,
  options: PickActiveOptions = {},
): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.ignoreFocusOut = options.ignoreFocusOut ?? false;
  pick.items = items;
  const at = items[active];
  if (at) pick.activeItems = [at];
  return new Promise<T | undefined>((resolve) => {
    let value: T | undefined;
    pick.onDidAccept(() => {
      value = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(value);
    });
    pick.show();
  });
}
