/** "1 passage", "12 passages": for counts in messages people read (ingest summaries, the bot's pages). */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
