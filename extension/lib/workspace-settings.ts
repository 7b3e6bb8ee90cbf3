// The seam for the workspace (issue 15): its address and the editor's personal token, kept in extension storage
// from the options page. The panel's 「ワークスペースへ送る」 reads them (lib/workspace-send.ts), on the click only.
import type { KeyValueStore } from './judgements.js';

export interface WorkspaceSettings {
  url: string;
  token: string;
}

const KEY = 'settings:workspace';

export async function loadWorkspace(store: KeyValueStore): Promise<WorkspaceSettings> {
  const v = (await store.get(KEY)) as Partial<WorkspaceSettings> | undefined;
  return { url: typeof v?.url === 'string' ? v.url : '', token: typeof v?.token === 'string' ? v.token : '' };
}

/** Saves both; an address that is not https (or http for a local test) is refused with a Japanese message. */
export async function saveWorkspace(store: KeyValueStore, s: WorkspaceSettings): Promise<void> {
  const url = s.url.trim();
  if (url) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new Error(`ワークスペースのアドレス「${url}」は URL として読めません。https:// から入力してください。`);
  }
  await store.set(KEY, { url, token: s.token.trim() });
}
