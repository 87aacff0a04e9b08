/**
 * Every Office call the task pane makes lives here, behind {@link OfficeGateway}, so components
 * receive host operations through props or context and render and test without Office
 * (STYLE.md point 8). The custom functions' own language check is in src/functions/adapter.ts,
 * which must not depend on the pane.
 */

export interface HostInfo {
  /** True when the page runs inside an Office application. */
  readonly inOffice: boolean;
  /** Office's name for the host ("Excel"), when inside Office. */
  readonly host?: string;
}

export interface OfficeGateway {
  /** Resolves once Office has initialised the page (at once outside Office). */
  ready(): Promise<HostInfo>;
  /** Office's UI language, e.g. "zh-CN"; undefined when unknown. */
  displayLanguage(): string | undefined;
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** The gateway over the real office.js (loaded by taskpane.html). */
export function createOfficeGateway(): OfficeGateway {
  return {
    async ready() {
      const office = officeGlobal();
      if (!office || typeof office.onReady !== 'function') return { inOffice: false };
      try {
        // In a plain browser office.js resolves onReady with host null (TOOLING-FACTS.md).
        const info = await office.onReady();
        return info.host ? { inOffice: true, host: String(info.host) } : { inOffice: false };
      } catch {
        return { inOffice: false };
      }
    },
    displayLanguage() {
      try {
        const lang = officeGlobal()?.context?.displayLanguage;
        return typeof lang === 'string' && lang !== '' ? lang : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** A gateway for pages and tests without Office: fixed language, never inside Office. */
export function createStandaloneGateway(displayLanguage?: string): OfficeGateway {
  return {
    ready: () => Promise.resolve({ inOffice: false }),
    displayLanguage: () => displayLanguage,
  };
}
