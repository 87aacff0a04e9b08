/** Types of scripts/build-metadata.js, for the tests that call it. */
import type { FunctionDefinition, ParamSpec } from '../src/engine';

export interface MetadataParameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  result?: { type?: string; dimensionality?: string };
}
export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: MetadataFunction[];
}
export interface Association {
  sourceFileName: string;
  functionName: string;
  id: string;
}

export const FILES: { en: string; zh: string };
export const FUNCTIONS_TS: string;
export function generateEnglishMetadata(sourceFile?: string): Promise<{ metadata: Metadata; associate: Association[] }>;
export function compareWithCatalogue(metadata: Metadata, catalogue: readonly FunctionDefinition[]): string[];
export function localizeMetadata(english: Metadata, catalogue: readonly FunctionDefinition[], lang?: 'en' | 'zh'): Metadata;
export function errorInputProblems(metadata: Metadata): string[];
export function allowErrorInputs(metadata: Metadata): Metadata;
export function blankReading(spec: ParamSpec): '0' | 'FALSE' | undefined;
export function blankNote(spec: ParamSpec, lang: 'en' | 'zh'): string | undefined;
export function addHelpUrls(metadata: Metadata, baseUrl: string, lang: 'en' | 'zh'): Metadata;
export function buildMetadata(options: {
  catalogue: readonly FunctionDefinition[];
  sourceFile?: string;
  /** https base URL the add-in is served from (default https://localhost:3000/). */
  baseUrl?: string;
}): Promise<{ en: Metadata; zh: Metadata; associate: Association[]; help: Record<string, string> }>;
export function writeMetadata(outDir: string, metadata: { en: Metadata; zh: Metadata; help?: Record<string, string> }): string[];
