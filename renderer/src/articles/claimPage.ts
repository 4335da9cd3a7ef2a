/** The PDF page a claim starts on ("p. 12"), from the page of the block holding its start offset. */
import { blockStarts } from '../../../shared/articles/canonicalText';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';

export function claimPage(project: Project, claim: Claim): number | undefined {
  const article = project.articles.find((a) => a.id === claim.articleId);
  if (!article || !article.blocks.some((block) => block.page !== undefined)) return undefined;
  const starts = blockStarts(article.blocks);
  const offset = claim.target.position.start;
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1] <= offset) index++;
  return article.blocks[index]?.page;
}
