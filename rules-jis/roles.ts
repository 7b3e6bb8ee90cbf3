// The workspace's roles (issue 15): who may do what in the shared yearly test. The server enforces them
// (crawler/service/auth.ts and the workspace routes); the web app (workspace/) only hides what a role cannot
// do. The roles are ranked: each may do everything the roles below it may (a 管理 can also approve), so a
// route names the least role it needs.

export type Role = 'viewer' | 'tester' | 'approver' | 'admin';

/** Least to most. */
export const ROLES: readonly Role[] = ['viewer', 'tester', 'approver', 'admin'];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: '閲覧',
  tester: '確認者',
  approver: '承認者',
  admin: '管理',
};

/** What each role is for, as the user list and the sign-in page say it. */
export const ROLE_HELP: Record<Role, string> = {
  viewer: '試験の状況と結果を見ることができます。',
  tester: '判定（○・×・−）と注記、証跡を記録できます。',
  approver: '完了した試験を承認し、試験結果を公開できます。',
  admin: '利用者、定期検査、設定を管理できます。',
};

/** True when `role` may do what `least` may. */
export function roleAtLeast(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(least);
}

export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && (ROLES as readonly string[]).includes(s);
}

/** The signed-in person a workspace request acts for (set by the authentication hook as `req.user`). */
export interface WorkspaceUser {
  id: number;
  /** Sign-in name (ASCII, unique). */
  login: string;
  /** Name shown in the app and written into judgements and the audit log (「広報 花子」). */
  displayName: string;
  role: Role;
  /** How this request was authenticated. */
  via: 'session' | 'token' | 'trusted-header';
}
