// The words of the live keyboard check (extension/lib/keyboard-live.ts and the キーボード tab): what was seen,
// filled into the keyboard phase's catalogue messages as `${data.what}`, and the panel's instructions.
export const LIVE_KEYS_JA = {
  trapCycle: (presses: number, names: string, left: number) =>
    `Tab キーを押した記録（${presses} か所）で、フォーカスが ${names} の間を回り続け、ページのほかの部分へ出られませんでした` +
    (left ? `（一度も届かなかった要素が ${left} 個あります）。` : '。'),
  trapStuck: (names: string) => `${names} で Tab キーを何度押してもフォーカスが動きませんでした。`,
  unreached: (name: string, presses: number) =>
    `${name} は Tab キーで移動できる要素ですが、ページを一周する間（${presses} か所）に一度もフォーカスが届きませんでした。`,
  notFocusable: (name: string) =>
    `${name} はクリックで動きそうな要素（onclick・ボタンなどの役割・指の形のカーソル）ですが、Tab キーではフォーカスできません。`,
  noChange: (i: number, name: string) => `${i} 番目の ${name} は、フォーカスしても見た目（枠線・背景・文字色など）が変わりませんでした。`,
  faint: (i: number, name: string) => `${i} 番目の ${name} は、フォーカスしたときの見た目の変化がごくわずかです。`,
  positiveTabindex: (i: number, name: string, t: number) =>
    `${i} 番目の ${name} は tabindex="${t}" で、読む順序より先にフォーカスが移ります。`,
  hiddenStop: (i: number, name: string, why: string) => `${i} 番目の ${name} は、フォーカスが入っても画面に見えません（${why}）。`,
  jumpUp: (from: number, to: number, name: string) =>
    `${from} 番目から ${to} 番目の ${name} へ、フォーカスが画面 1 枚分以上も上へ戻りました。`,
} as const;

export const LIVE_UI_JA = {
  intro:
    '「記録を始める」を押してから、ページで Tab キーを押して最後まで進んでください（ページの外へ出たら一周です）。止まった場所に番号が付き、順番が線で結ばれます。終わったら「記録を終えて判定」を押します。',
  start: '記録を始める',
  stop: '記録を終えて判定',
  clear: '番号の表示を消す',
  recording: (n: number) => `記録中です。ページで Tab キーを押してください（Tab で移動できる要素は ${n} 個）。`,
  done: (stops: number, findings: number) => `キーボードの確認を記録しました: ${stops} か所に止まり、要確認 ${findings} 件です。`,
  incomplete: 'まだページの最後まで進んでいません。一度も届かなかった要素は、最後まで Tab キーを押してから判定します。',
  trapped: 'キーボードトラップの疑いがあります。',
  noStops: 'フォーカスの移動が記録されていません。ページ側をクリックしてから Tab キーを押してください。',
  stopsHeading: 'フォーカスが止まった順',
  findingsHeading: '要確認の点',
  none: '要確認の点はありません（判断はチェックリストで記録してください）。',
} as const;
