// No step may download a browser: the system Chromium is used (see scripts/setup.mjs).
module.exports = { skipDownload: true };
