/**
 * 年度评价 settings: how accepted projects are ranked for 十佳精品项目, and the thresholds below which a branch
 * loses 电网先锋 eligibility for the year (the seed article: 工作措施不力、未完成项目计划、群众满意率低).
 * Change the numbers here; domain/evaluation.ts reads nothing else.
 */
export const EVALUATION_CONFIG = {
  /** Share of the acceptance total (0–100, the rubric's sum) in the ranking score. */
  acceptanceWeight: 0.8,
  /** Share of satisfaction, brought to 0–100 by `satisfactionScale`. */
  satisfactionWeight: 0.2,
  /** An average rating of 1–5 times this is on the acceptance total's 0–100 scale. */
  satisfactionScale: 20,
  /** How many projects are 十佳. */
  topCount: 10,
  /** 工作措施不力: an acceptance total below this (of 100), or an acceptance that was returned. */
  weakMeasuresBelow: 70,
  /** 群众满意率低: an average rating below this (of 5). */
  lowSatisfactionBelow: 4.0,
  /**
   * 群众满意度 counts from this many ratings up: below it the sample is too small (样本不足), satisfaction is left
   * out of the ranking score (the other weights are rescaled) and never costs eligibility.
   */
  minRatings: 10,
} as const

export type EvaluationConfig = { [K in keyof typeof EVALUATION_CONFIG]: number }
