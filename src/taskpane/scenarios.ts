/**
 * Scenarios remembered in the workbook (through gateway.saveSetting, i.e. the document settings
 * in Excel): named template entries or sensitivity setups, stored as versioned JSON. A stored
 * state that cannot be read is reported, never overwritten silently and never touches a sheet.
 */
import type { WorkbookGateway } from './gateway';
import type { SensitivitySetup } from './sensitivity';

export const SCENARIOS_KEY = 'cyberbi.scenarios';
export const SCENARIOS_BACKUP_KEY = 'cyberbi.scenarios.damaged';
export const SCENARIOS_VERSION = 1;

export type Scenario =
  | {
      readonly name: string;
      readonly kind: 'template';
      readonly templateId: string;
      readonly inputs: Readonly<Record<string, string | boolean>>;
      readonly savedAt: string;
    }
  | { readonly name: string; readonly kind: 'sensitivity'; readonly setup: SensitivitySetup; readonly savedAt: string };

export type Damage = { readonly reason: 'json' } | { readonly reason: 'version'; readonly version: string } | { readonly reason: 'shape' };

export type ScenarioState = { readonly ok: true; readonly scenarios: readonly Scenario[] } | { readonly ok: false; readonly damage: Damage; readonly raw: string };

function isScenario(v: unknown): v is Scenario {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  if (typeof s.name !== 'string' || s.name.trim() === '' || typeof s.savedAt !== 'string') return false;
  if (s.kind === 'template') {
    if (typeof s.templateId !== 'string' || typeof s.inputs !== 'object' || s.inputs === null || Array.isArray(s.inputs)) return false;
    return Object.values(s.inputs).every((x) => typeof x === 'string' || typeof x === 'boolean');
  }
  if (s.kind === 'sensitivity') {
    const u = s.setup as Record<string, unknown> | null;
    return (
      typeof u === 'object' &&
      u !== null &&
      typeof u.input === 'string' &&
      typeof u.output === 'string' &&
      typeof u.from === 'number' &&
      typeof u.to === 'number' &&
      typeof u.steps === 'number'
    );
  }
  return false;
}

/** Reads the stored text: no record is an empty list; anything unreadable is damage. */
export function parseScenarios(raw: string | null): ScenarioState {
  if (raw === null || raw === '') return { ok: true, scenarios: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, damage: { reason: 'json' }, raw };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, damage: { reason: 'shape' }, raw };
  const d = data as Record<string, unknown>;
  if (d.version !== SCENARIOS_VERSION) {
    return typeof d.version === 'number' && d.version > SCENARIOS_VERSION
      ? { ok: false, damage: { reason: 'version', version: String(d.version) }, raw }
      : { ok: false, damage: { reason: 'shape' }, raw };
  }
  if (!Array.isArray(d.scenarios) || !d.scenarios.every(isScenario)) return { ok: false, damage: { reason: 'shape' }, raw };
  return { ok: true, scenarios: d.scenarios };
}

export function serializeScenarios(scenarios: readonly Scenario[]): string {
  return JSON.stringify({ version: SCENARIOS_VERSION, scenarios });
}

export async function loadScenarios(gateway: WorkbookGateway): Promise<ScenarioState> {
  return parseScenarios(await gateway.loadSetting(SCENARIOS_KEY));
}

export class DamagedScenarios extends Error {
  constructor(readonly damage: Damage) {
    super(`stored scenarios cannot be read (${damage.reason})`);
    this.name = 'DamagedScenarios';
  }
}

/**
 * Adds (or replaces, by name) a scenario. Refuses when the stored state is damaged, so a record
 * the user may still want is never overwritten by accident.
 */
export async function saveScenario(gateway: WorkbookGateway, scenario: Scenario): Promise<readonly Scenario[]> {
  const state = await loadScenarios(gateway);
  if (!state.ok) throw new DamagedScenarios(state.damage);
  const list = [...state.scenarios.filter((s) => s.name !== scenario.name), scenario];
  await gateway.saveSetting(SCENARIOS_KEY, serializeScenarios(list));
  return list;
}

export async function deleteScenario(gateway: WorkbookGateway, name: string): Promise<readonly Scenario[]> {
  const state = await loadScenarios(gateway);
  if (!state.ok) throw new DamagedScenarios(state.damage);
  const list = state.scenarios.filter((s) => s.name !== name);
  await gateway.saveSetting(SCENARIOS_KEY, serializeScenarios(list));
  return list;
}

/** The user's choice after damage: keep the damaged text under a backup key, start an empty list. */
export async function startNewScenarioList(gateway: WorkbookGateway): Promise<void> {
  const raw = await gateway.loadSetting(SCENARIOS_KEY);
  if (raw !== null) await gateway.saveSetting(SCENARIOS_BACKUP_KEY, raw);
  await gateway.saveSetting(SCENARIOS_KEY, serializeScenarios([]));
}
