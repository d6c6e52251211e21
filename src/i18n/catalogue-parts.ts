/**
 * Each catalogue is compiled in two parts (`scripts/lingui-catalogues.ts`): the words of the
 * sign-in screen and what surrounds it, downloaded before it shows, and the rest, downloaded
 * while the agent signs in. The catalogue files stay whole; a key's prefix decides its part.
 */
export const CATALOGUE_PARTS = ['sign-in', 'rest'] as const;

export type CataloguePart = (typeof CATALOGUE_PARTS)[number];

/**
 * The sign-in part: what the code of the first download (`main.tsx` and its static imports)
 * can show. `catalogue-parts.test.ts` fails when that code names a key outside these.
 */
export const SIGN_IN_PREFIXES = [
  'app.', // the console's name, its loading and start-up failure
  'auth.', // the sign-in screen, and why the agent is back on it
  'config.', // the configuration, read before the first screen
  'error.', // any failure's sentence, and Glue's own words behind it
  'glue.', // Glue's error codes: one table (lib/glue-errors.ts), which the sign-in uses
  'language.', // the language switch, on the sign-in screen too
  'notFound.', // the screen for an unknown address, signed in or not
  'screenError.', // a screen that failed to load, said by the router
  'session.', // why a session ended, said on the sign-in screen
] as const;

export function partOf(id: string): CataloguePart {
  return SIGN_IN_PREFIXES.some((prefix) => id.startsWith(prefix)) ? 'sign-in' : 'rest';
}
