/**
 * The numbers news writes in words as well as in figures before an amount: "two billion dlrs" beside "2
 * billion dlrs" (the development archive's Reuters stories hold each in about 150 to 200 passages), "one
 * billion" beside "1 billion". Not past ten, which news writes in figures.
 */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The figure a lower-case number word stands for ("two" -> "2"), or undefined for any other word. */
export function figureOfWord(word: string): string | undefined {
  const index = NUMBER_WORDS.indexOf(word);
  return index < 0 ? undefined : String(index + 1);
}

/** The word a figure is written in ("2" -> "two"), or undefined for any other figure or word. */
export const wordOfFigure = (figure: string): string | undefined =>
  /^\d{1,2}$/u.test(figure) ? NUMBER_WORDS[Number(figure) - 1] : undefined;

/** The number words, as a pattern's alternatives. */
export const NUMBER_WORD_PATTERN = NUMBER_WORDS.join('|');
