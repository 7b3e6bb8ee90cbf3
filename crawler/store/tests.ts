// What every backend of the test store (TestStore in ./store.ts; SQLite: ./sqlite/tests.ts) says when it refuses:
// the rules of a yearly test are the store's, so the CLI, the service and the demo cannot break them. The
// Japanese messages are here, with the error class; the date rule itself is rules-jis/test-period.ts.
import { UsageError } from '../../rules-jis/exit-codes.js';
import type { JisTest } from '../../rules-jis/jis-test.js';

/** A test cannot do what was asked (another is open, it is closed, it does not exist, a 表明日 too early). Exit 2. */
export class TestStateError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'TestStateError';
  }
}

const named = (t: Pick<JisTest, 'id' | 'name'>) => `試験 #${t.id}「${t.name}」`;

export const TEST_MESSAGES = {
  anotherOpen: (t: Pick<JisTest, 'id' | 'name'>) =>
    `${named(t)}がまだ実施中です。同時に実施できる試験は 1 つだけです。先に jis-a11y test close で終了するか、その試験を続けてください。`,
  noSuchTest: (id: number) => `試験 #${id} はありません（jis-a11y test status --all で一覧を表示できます）。`,
  closed: (t: Pick<JisTest, 'id' | 'name'>) =>
    `${named(t)}は終了しています。終了した試験には検査結果も判断も追加できません。新しい試験を jis-a11y test new で作ってください。`,
  noName: () => '試験の名前がありません。--name で指定してください（例: --name 「令和8年度 試験」）。',
  badYear: (y: unknown) => `年度「${String(y)}」を読めません。西暦の 4 桁で指定してください（例: --year 2026）。`,
  badTarget: (t: unknown) => `目標の適合レベル「${String(t)}」は指定できません。A か AA を指定してください。`,
  noSuchRun: (id: number) => `検査 #${id} がストアにありません。`,
  noRunForCarry: (t: Pick<JisTest, 'id' | 'name'>) =>
    `${named(t)}にはまだ検査がありません。判断の対象のページが変わったかどうかを確かめるため、先に jis-a11y crawl を実行してから引き継いでください。`,
  noSuchJudgement: (id: number) => `判断 #${id} はありません（jis-a11y test carry-over --dry-run で引き継げる判断を表示できます）。`,
  sameTest: (id: number) => `引き継ぐ元と先が同じ試験 #${id} です。--from で前の試験の番号（または none）を指定してください。`,
  judgementInTarget: (id: number) => `判断 #${id} はすでにこの試験の判断です。引き継ぐ必要はありません。`,
};
