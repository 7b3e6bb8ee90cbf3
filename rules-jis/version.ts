// Kept in step with package.json by tests/unit/version.test.ts.
export const TOOL_NAME = 'jis-a11y';
export const TOOL_VERSION = '0.2.0';
export const SCHEMA_VERSION = '1.0.0';
