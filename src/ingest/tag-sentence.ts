import nlp from 'compromise';

/** compromise's world: its `hooks` are the steps `nlp()` runs on every text. */
const world = nlp.world() as { hooks: string[] };

/**
 * The steps attribution needs: every one `nlp()` runs except the chunker, which only groups words into
 * phrases (`term.chunk`) and never changes a tag. It cost 16% of tagging the cue sentences of 300 BBC
 * articles (14.3 CPU-s with it, 12.1 without, 3,428 sentences, every tag the same; h/ingest, issue 13).
 */
const TAGGING_STEPS = world.hooks.filter((hook) => hook !== 'chunks');

/**
 * A sentence tokenized and part-of-speech tagged by compromise exactly as `nlp(sentence)` would, without
 * the chunker. compromise takes its steps from its world on each call, so they are swapped for this call
 * only (the call is synchronous: nothing else runs meanwhile); anything else that uses compromise, such as
 * `doc.verbs()`, which reads the chunks, keeps all of them.
 */
export function tagSentence(sentence: string) {
  const steps = world.hooks;
  world.hooks = TAGGING_STEPS;
  try {
    return nlp(sentence).termList();
  } finally {
    world.hooks = steps;
  }
}
