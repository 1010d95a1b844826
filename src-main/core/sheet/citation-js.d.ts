// Types for citation-js 0.7, which ships without declarations: only the parts the bibliography uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown[]);
    format(
      format: 'bibliography',
      options: { template: string; format: 'html' | 'text'; lang: string; asEntryArray: true },
    ): Array<[string, string]>;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { templates: { add(name: string, xml: string): void; has(name: string): boolean } };
    };
  };
}

declare module '@citation-js/plugin-csl';

declare module '@citation-js/name' {
  export function parse(name: string): Record<string, string>;
}
