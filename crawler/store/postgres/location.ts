// Which store a location names: a postgres:// (or postgresql://) URL selects the PostgreSQL store, anything else is
// a SQLite file path (the default). Kept apart from the drivers so the CLI can tell them apart without opening one.
export const isPostgresLocation = (location: string): boolean => /^postgres(?:ql)?:\/\//i.test(location.trim());

/** The URL as it may be printed: without its password. */
export function safeLocation(location: string): string {
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return location.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
  }
}
