// The web app's entry (built by workspace/build.ts into dist/workspace/app.js, loaded by index.html as a module
// script from 'self' — no inline script, no eval, as the CSP of crawler/service/workspace/app-static.ts demands).
import './shell.js';
