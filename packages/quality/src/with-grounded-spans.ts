import {
  type Claim,
  type Content,
  type Fallacy,
  InputError,
  isStageId,
  type Span,
  type StageId,
  type StageOutputMap,
  secondsAt,
} from '@orch/core';
import { matchClaim } from './internal/claim-matching.js';
import { ensureContent } from './internal/ensure.js';
import { createSourceIndex, locateInSource, type SourceIndex } from './internal/source-index.js';
import { DEFAULT_MIN_SIMILARITY } from './map-claim-to-sentence.js';

/** Sets span and startSeconds from the source; a located span replaces any earlier timing. */
function placed<T extends { span?: Span; startSeconds?: number }>(
  item: T,
  span: Span,
  content: Content,
): T {
  const { startSeconds: _previous, ...rest } = item;
  const seconds = secondsAt(content, span.start);
  return { ...rest, span, ...(seconds === undefined ? {} : { startSeconds: seconds }) } as T;
}

function placeClaim(claim: Claim, index: SourceIndex): Claim {
  if (typeof claim?.text !== 'string') return claim;
  const located = locateInSource(index, claim.text);
  if (located) return placed(claim, located.span, index.content);
  const { match } = matchClaim(index, claim.text, DEFAULT_MIN_SIMILARITY);
  return match ? placed(claim, match.span, index.content) : claim;
}

function placeFallacy(fallacy: Fallacy, index: SourceIndex): Fallacy {
  if (typeof fallacy?.quote !== 'string') return fallacy;
  const located = locateInSource(index, fallacy.quote);
  return located ? placed(fallacy, located.span, index.content) : fallacy;
}

/**
 * Returns a copy of a claims or fallacies output whose items carry the span (offsets into
 * `content.text`) and, for transcripts, the startSeconds of where they occur in the source, so
 * quotes keep their timestamps. Claims are placed by their verbatim location, else by the
 * sentence they map to (mapClaimToSentence at the default threshold); fallacies by their quote.
 * Items that cannot be placed are left as they are (checkGrounding reports them). A placed item's
 * old startSeconds is dropped when the content has no timings. Other stages are returned as given.
 *
 * @throws InputError QUALITY_STAGE_UNKNOWN for an unknown stage, QUALITY_CONTENT_INVALID when
 *   `content` is not a Content.
 */
export function withGroundedSpans<S extends StageId>(
  stage: S,
  output: StageOutputMap[S],
  content: Content,
): StageOutputMap[S] {
  if (!isStageId(stage)) {
    throw new InputError(
      'QUALITY_STAGE_UNKNOWN',
      `withGroundedSpans received the unknown stage ${JSON.stringify(stage)}. Pass a stage id from STAGE_IDS in @orch/core, such as "claims".`,
      { details: { stage: String(stage) } },
    );
  }
  ensureContent(content, 'withGroundedSpans');
  if (stage === 'claims') {
    const claims = output as StageOutputMap['claims'];
    if (!Array.isArray(claims?.claims)) return output;
    const index = createSourceIndex(content);
    return {
      ...claims,
      claims: claims.claims.map((claim) => placeClaim(claim, index)),
    } as StageOutputMap[S];
  }
  if (stage === 'fallacies') {
    const fallacies = output as StageOutputMap['fallacies'];
    if (!Array.isArray(fallacies?.fallacies)) return output;
    const index = createSourceIndex(content);
    return {
      ...fallacies,
      fallacies: fallacies.fallacies.map((fallacy) => placeFallacy(fallacy, index)),
    } as StageOutputMap[S];
  }
  return output;
}
