/** A regular expression's special characters escaped, for a name or word written into one. */
export const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
