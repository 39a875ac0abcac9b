import { foldForSearch } from '../../../lib/search-text';

const trueWords = new Set(['dung', 'true']);
const falseWords = new Set(['sai', 'false']);

/**
 * A true/false question shows "Đúng" above "Sai" whatever order the paper drew (shuffling two
 * options only confuses). Other questions, and options with other words, keep their order.
 */
export function orderOptions<Option extends { text: string }>(type: string, options: readonly Option[]): readonly Option[] {
  if (type !== 'true_false' || options.length !== 2) return options;
  const [first, second] = options as readonly [Option, Option];
  return falseWords.has(foldForSearch(first.text)) && trueWords.has(foldForSearch(second.text)) ? [second, first] : options;
}
