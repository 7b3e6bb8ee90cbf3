// Side panel (Chrome) / sidebar (Firefox). `?tabId=N` pins the panel to one tab: used when the panel is
// opened as an ordinary tab (end-to-end tests, or an editor who wants it in its own window).
import '../../components/jis-panel.js';
import { createChromeHost } from '../../lib/tab-client.js';

const param = new URLSearchParams(location.search).get('tabId');
const tabId = param && /^\d+$/.test(param) ? Number(param) : null;

const panel = document.createElement('jis-panel');
panel.host = createChromeHost(tabId);
document.body.appendChild(panel);
