import model from 'wink-eng-lite-web-model';
import type { WinkMethods } from 'wink-nlp';
import winkNLP from 'wink-nlp';

/**
 * The wink-nlp instance, built on first use. Loading the English model takes a few tens of
 * milliseconds, so it is done once per process. The instance is immutable and keeps no state
 * between `readDoc` calls, so sharing it across concurrent runs is safe.
 */
let instance: WinkMethods | undefined;

export function getWink(): WinkMethods {
  if (instance === undefined) {
    instance = winkNLP(model);
  }
  return instance;
}
