/** Types of scripts/addin-urls.js, for the tests that call it. */
export const DEV_BASE_URL: string;
export const HELP_PAGES: { en: string; zh: string };
export const HELP_STYLESHEET: string;
export function parseBaseUrl(text: string | undefined): { ok: true; url: string } | { ok: false; error: string };
export function checkBaseUrl(text: string): string;
export function originOf(baseUrl: string): string;
export function manifestFor(xml: string, baseUrl: string): string;
export function helpUrl(baseUrl: string, lang: 'en' | 'zh', id: string): string;
