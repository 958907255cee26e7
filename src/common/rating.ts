// Đánh giá mức độ hài lòng (issue 15): as the national portal asks it, one level per criterion plus
// a comment — not one 3-level choice. The criteria follow the questions the national portal
// (dichvucong.gov.vn) puts to the citizen after a dossier is settled; the satisfaction figure feeds
// the "Mức độ hài lòng" group of Quyết định 766/QĐ-TTg (2022) (DOMAIN-NOTES "Service-quality scoring").
//
// How the criteria combine (used by the server, the statistics and the page alike):
//   overall = the LOWEST level given to any criterion;
//   a rating counts as "hài lòng" (satisfied) when overall is Hài lòng or Rất hài lòng,
//   i.e. when no criterion was rated Không hài lòng.
// A citizen unhappy with one part of the service is not counted as satisfied. Ratings given before
// criteria existed (one level, migration 0022) keep that level as their overall and have no criteria.

export const RATING_LEVELS = { VERY_SATISFIED: 3, SATISFIED: 2, DISSATISFIED: 1 } as const;
export type RatingLevel = 1 | 2 | 3;

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = { 3: 'Rất hài lòng', 2: 'Hài lòng', 1: 'Không hài lòng' };

export const RATING_CRITERIA = [
  { key: 'access', label: 'Tiếp cận thông tin, thủ tục hành chính', hint: 'Thông tin thủ tục dễ tìm, dễ hiểu; nộp hồ sơ thuận tiện' },
  { key: 'time', label: 'Thời gian giải quyết', hint: 'Hồ sơ được giải quyết đúng hẹn' },
  { key: 'staff', label: 'Thái độ, hướng dẫn của cán bộ', hint: 'Cán bộ tiếp nhận, hướng dẫn tận tình, đúng quy định' },
  { key: 'result', label: 'Kết quả giải quyết và chi phí', hint: 'Kết quả đúng yêu cầu; chỉ nộp phí, lệ phí theo quy định' },
] as const;

export type RatingCriterion = (typeof RATING_CRITERIA)[number]['key'];
export type RatingCriteria = Record<RatingCriterion, RatingLevel>;

export const RATING_CRITERION_KEYS: readonly RatingCriterion[] = RATING_CRITERIA.map((c) => c.key);

export function isRatingLevel(v: unknown): v is RatingLevel {
  return v === 1 || v === 2 || v === 3;
}

/** The overall level of a rating: the lowest level of its criteria. */
export function overallLevel(c: RatingCriteria): RatingLevel {
  return Math.min(...RATING_CRITERION_KEYS.map((k) => c[k])) as RatingLevel;
}

/** Whether a rating of this overall level counts as "hài lòng" in the satisfaction figure. */
export function isSatisfied(overall: number): boolean {
  return overall >= RATING_LEVELS.SATISFIED;
}
