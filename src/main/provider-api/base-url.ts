/**
 * A configured base URL ("https://api.example.com/v1/") with a path appended: one slash between them,
 * however many the user or the environment wrote at the end of the base.
 */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
