// The pre-publish verdict: the page audit (engine) + the policy (what blocks, waivers) → one JSON object
// the CMS acts on. Same shape from the CLI (`check --html`) and the HTTP API (POST /api/v1/check).
import { SCHEMA_VERSION, TOOL_NAME, TOOL_VERSION } from '../../rules-jis/version.js';
import { STANDARD } from '../../rules-jis/result.js';
import type { CriterionResult, PageResult, Target } from '../../rules-jis/types.js';
import { applyPolicy, type ExpiredWaiverUse, type LoadedPolicy, type VerdictFinding, type WaivedFinding } from './policy.js';

export const VERDICT_SCHEMA_VERSION = '1.0.0';

export interface HookVerdict {
  schemaVersion: string;
  tool: { name: string; version: string; resultSchemaVersion: string };
  standard: typeof STANDARD;
  target: Target;
  verdict: 'pass' | 'block';
  /** One line for the editor, Japanese. */
  summary: string;
  url: string;
  title: string;
  lang: string;
  auditedAt: string;
  durationMs: number;
  /** Findings that stop publication (fix them, or get a waiver). */
  blocking: VerdictFinding[];
  /** To be checked by a person; does not block. */
  review: VerdictFinding[];
  /** Japanese good practice (参考); does not block. */
  advisory: VerdictFinding[];
  /** Findings let through by a valid waiver. */
  waived: WaivedFinding[];
  /** Waivers that matched but had expired (not applied). */
  expiredWaivers: ExpiredWaiverUse[];
  counts: { blocking: number; review: number; advisory: number; waived: number };
  /** The engine's per-criterion outcomes for the page (unchanged by the policy). */
  criteria: CriterionResult[];
  policy: { source: string; hash: string };
  /** Requests the network fence refused (first 50) and dialogs dismissed. */
  fence: { refused: string[]; dialogs: number };
  /** Row id in the verdict log (hook_verdicts), when logged. */
  logId?: number;
  /** When the URL checked is a PDF or Office file (issue 18): what was read; its findings are in blocking/review/advisory. */
  document?: HookDocument;
}

export interface HookDocument {
  format: 'pdf' | 'docx' | 'xlsx' | 'pptx';
  /** PDF pages (null for Office files). */
  pages: number | null;
  contentType: string | null;
  bytes: number;
}

export function buildVerdict(
  result: PageResult,
  policy: LoadedPolicy,
  extra: { durationMs: number; refused: string[]; dialogs: number; now?: Date },
): HookVerdict {
  const o = applyPolicy(result.findings, result.url, policy, extra.now);
  const summary =
    o.verdict === 'block'
      ? `公開できません: 公開を止める問題が ${o.blocking.length} 件あります（要確認 ${o.review.length} 件、参考 ${o.advisory.length} 件）。`
      : `公開できます（要確認 ${o.review.length} 件、参考 ${o.advisory.length} 件${o.waived.length ? `、免除 ${o.waived.length} 件` : ''}）。`;
  return {
    schemaVersion: VERDICT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, resultSchemaVersion: SCHEMA_VERSION },
    standard: STANDARD,
    target: policy.target,
    verdict: o.verdict,
    summary: o.expiredWaivers.length ? `${summary} 期限切れの免除が ${o.expiredWaivers.length} 件あり、適用していません。` : summary,
    url: result.url,
    title: result.title,
    lang: result.lang,
    auditedAt: result.auditedAt,
    durationMs: extra.durationMs,
    blocking: o.blocking,
    review: o.review,
    advisory: o.advisory,
    waived: o.waived,
    expiredWaivers: o.expiredWaivers,
    counts: { blocking: o.blocking.length, review: o.review.length, advisory: o.advisory.length, waived: o.waived.length },
    criteria: result.criteria,
    policy: { source: policy.source, hash: policy.hash },
    fence: { refused: extra.refused, dialogs: extra.dialogs },
  };
}
