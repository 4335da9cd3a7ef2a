/** Reading a content security policy the way a browser does, and the app's expected policy, for the unit and browser tests. */

/** Directive name → its sources (names lower-cased; a repeated directive is ignored, as browsers do). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Sources that let in anything but our own files: 'unsafe-*', nonces, hashes, schemes, hosts, *. */
export function wideningSources(sources: readonly string[]): string[] {
  return sources.filter((s) => s.toLowerCase() !== "'self'" && s.toLowerCase() !== "'none'");
}

/** The app's policy, directive by directive. */
export const EXPECTED_APP_POLICY: Readonly<Record<string, string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-src': ["'none'"],
  'form-action': ["'none'"],
};
