// How good a search's ranking is, as one number: NDCG@k (normalised discounted cumulative gain)
// of the products it returned, in order, against products a person judged for that query.
//
//   DCG@k  = Σ over ranks r = 1..k of (2^grade(r) − 1) / log2(r + 1)
//   NDCG@k = DCG@k of the search's ranking / DCG@k of the ideal one (every judged product, best grade first)
//
// Graded, not relevant-or-not, because most queries have an exact answer and near misses ("merino
// crewneck": merino crewnecks, then other crewnecks): a search that shows the near misses first
// must score below one that does not. The exponential gain makes an exact answer (3, gain 7) worth
// more than two clearly relevant ones (2, gain 3); the logarithmic discount makes the first places
// count most, as they do for a shopper. 1 is the ideal ranking, 0 is nothing judged in the top k.
// Pure: search-relevance.test.ts runs the queries and compares with the committed baseline.

/** A query's judged products: slug → grade (3 exactly what was asked, 2 clearly relevant, 1 acceptable). */
export type Judgments = Readonly<Record<string, number>>;

/** What a product of this grade adds at the first rank. */
export const gain = (grade: number): number => 2 ** grade - 1;

/** Discounted cumulative gain of grades in rank order, the first at rank 1. */
export function dcg(grades: readonly number[]): number {
  return grades.reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
}

const gradeOf = (judgments: Judgments, slug: string): number => (Object.hasOwn(judgments, slug) ? judgments[slug]! : 0);

/**
 * NDCG of the first k of a ranking of product slugs. A query with nothing judged has no ideal to
 * reach and scores 0, like one whose search found nothing judged.
 */
export function ndcgAt(k: number, ranked: readonly string[], judgments: Judgments): number {
  const ideal = dcg(Object.values(judgments).sort((a, b) => b - a).slice(0, k));
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((slug) => gradeOf(judgments, slug))) / ideal;
}

/** The mean of per-query NDCGs, every query counting the same; 0 for no queries. */
export function meanNdcg(scores: readonly number[]): number {
  return scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + score, 0) / scores.length;
}
