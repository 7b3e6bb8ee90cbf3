// The options page: the seam for sending judgements to the workspace (issue 15/16). The address and the personal
// token are stored (lib/workspace-settings.ts); the panel's 「ワークスペースへ送る」 uses them, on the click only.
import { browser } from 'wxt/browser';
import { chromeStore } from '../../lib/judgements.js';
import { loadWorkspace, saveWorkspace } from '../../lib/workspace-settings.js';

const store = chromeStore(browser.storage.local as unknown as Parameters<typeof chromeStore>[0]);
const form = document.getElementById('workspace') as HTMLFormElement;
const url = document.getElementById('ws-url') as HTMLInputElement;
const token = document.getElementById('ws-token') as HTMLInputElement;
const status = document.getElementById('ws-status')!;

void loadWorkspace(store).then((w) => {
  url.value = w.url;
  token.value = w.token;
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  saveWorkspace(store, { url: url.value, token: token.value })
    .then(() => (status.textContent = '保存しました。チェックリストの「ワークスペースへ送る」で使います。'))
    .catch((err: unknown) => (status.textContent = err instanceof Error ? err.message : String(err)));
});
