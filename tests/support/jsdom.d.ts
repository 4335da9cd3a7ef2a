/** The small part of jsdom's API the tests and benches use (the package ships no types; jsdom is a dev dependency). */
declare module 'jsdom' {
  export class VirtualConsole {
    constructor();
  }
  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
    virtualConsole?: VirtualConsole;
    runScripts?: 'dangerously' | 'outside-only';
    resources?: unknown;
    pretendToBeVisual?: boolean;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
