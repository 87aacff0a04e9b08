/**
 * Typing help under the formula being edited: the functions whose name starts with what is typed
 * (CYBER.* from the engine CATALOGUE, then the standard functions HyperFormula registers), and,
 * inside a call, the function's argument list with the current argument's description in the
 * user's language — from the same specs as Excel's own tooltip (src/taskpane/reference.ts).
 */
import type { HyperFormula } from 'hyperformula';
import { CATALOGUE } from '../engine';
import type { Language } from '../taskpane/i18n';
import { type FunctionEntry, toEntry } from '../taskpane/reference';
import type { WorkbenchText } from './uiText';

export interface FunctionInfo {
  readonly name: string;
  readonly description?: string;
  readonly entry?: FunctionEntry;
}

/** Every function a formula can call, CYBER ones first, each once. */
export function functionList(hf: HyperFormula, language: Language): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  const seen = new Set<string>();
  for (const fn of CATALOGUE) {
    const entry = toEntry(fn, language);
    for (const name of [entry.name, ...(entry.excelName ? [entry.excelName] : [])]) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, description: entry.description, entry });
    }
  }
  for (const name of [...hf.getRegisteredFunctionNames()].sort()) {
    const upper = name.toUpperCase();
    if (seen.has(upper)) continue;
    seen.add(upper);
    out.push({ name: upper });
  }
  return out;
}

export function suggestionsFor(list: readonly FunctionInfo[], prefix: string, max = 8): FunctionInfo[] {
  const p = prefix.toUpperCase();
  const starts = list.filter((f) => f.name.startsWith(p));
  // "LOSS" also finds CYBER.LOSSRATIO-like names after the prefix.
  const cyber = p.startsWith('CYBER.') ? [] : list.filter((f) => f.name.startsWith(`CYBER.${p}`));
  return [...starts, ...cyber.filter((f) => !starts.includes(f))].slice(0, max);
}

export interface FunctionHelpProps {
  readonly anchor: DOMRect | null;
  readonly suggestions: readonly FunctionInfo[];
  readonly highlighted: number;
  readonly onPick: (f: FunctionInfo) => void;
  readonly call?: { readonly info: FunctionInfo; readonly argument: number };
  readonly text: WorkbenchText;
}

export function FunctionHelp({ anchor, suggestions, highlighted, onPick, call, text }: FunctionHelpProps) {
  if (!anchor || (suggestions.length === 0 && !call)) return null;
  const style = { position: 'fixed' as const, left: Math.round(anchor.left), top: Math.round(anchor.bottom + 2), zIndex: 1000 };
  if (suggestions.length > 0) {
    const current = suggestions[Math.min(highlighted, suggestions.length - 1)];
    return (
      <div className="wb-help" style={style} role="listbox" aria-label={text.functions} data-testid="function-suggestions">
        {suggestions.map((f, i) => (
          <div
            key={f.name}
            role="option"
            aria-selected={i === highlighted}
            className={i === highlighted ? 'wb-help-item wb-help-current' : 'wb-help-item'}
            onMouseDown={(e) => {
              // Keep the caret in the editor.
              e.preventDefault();
              onPick(f);
            }}
          >
            {f.name}
          </div>
        ))}
        {current?.description && <div className="wb-help-desc">{current.description}</div>}
        <div className="wb-help-foot">{text.tabAccepts}</div>
      </div>
    );
  }
  if (!call) return null;
  const entry = call.info.entry;
  const params = entry?.params ?? [];
  const index = params.length ? Math.min(call.argument, params.length - 1) : -1;
  return (
    <div className="wb-help" style={style} role="tooltip" data-testid="argument-hint">
      <div className="wb-help-syntax">
        {call.info.name}(
        {params.map((p, i) => (
          <span key={p.name}>
            {i > 0 ? ', ' : ''}
            <span className={i === index ? 'wb-help-arg-current' : undefined}>{p.optional ? `[${p.name}]` : p.name}</span>
          </span>
        ))}
        )
      </div>
      {index >= 0 && (
        <div className="wb-help-desc">
          <b>{params[index].label}</b>: {params[index].description}
        </div>
      )}
    </div>
  );
}
