// Background: opens the side panel (Chrome) or toggles the sidebar (Firefox) from the toolbar button.
// The toolbar click is what grants activeTab, so the panel can then inject into the current tab.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';

export default defineBackground(() => {
  const chromeSidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  browser.action.onClicked.addListener(() => {
    void sidebar?.toggle();
  });
});
