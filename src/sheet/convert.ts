/**
 * Excel's CONVERT(number, from_unit, to_unit), written from Microsoft's CONVERT page: every unit
 * of its tables (weight and mass, distance, time, pressure, force, energy, power, magnetism,
 * temperature, volume, area, information, speed) with each of its spellings, the decimal prefixes
 * ("Y" … "y", deka as "da" or "e") that "can be prepended to any metric from_unit or to_unit", and
 * the binary prefixes ("Yi" … "ki") of the information units.
 *
 * Why not formulajs's CONVERT: it lets a prefix stand before any unit (Excel: `CONVERT(1,"klbm","g")`
 * is #N/A), swaps "Pica" (1/72 in) and "pica" (1/6 in), has the electronvolt off by 1e19, and lacks
 * atmospheres, psi, Torr and temperatures other than kelvin.
 *
 * Factors are written from the units' definitions (a pound is 0.45359237 kg, an inch 0.0254 m, a
 * pound-force a pound times standard gravity 9.80665 m/s², …) so that, as in Excel, 1 psi is
 * 6894.757293168362 Pa. A prefix before a squared or cubed unit is squared or cubed with it
 * (`"km2"` is 1e6 m²). Which units take a prefix is Excel's choice, not always the metric ones
 * ("uk_pt" and "mph" do, "uk_qt", "ha" and "ly2" do not). Units of different kinds, unknown units and a prefix on a unit that takes
 * none are #N/A; temperatures convert with their offsets.
 */
import { CellError, ErrorType } from 'hyperformula';

type Kind = 'mass' | 'length' | 'time' | 'pressure' | 'force' | 'energy' | 'power' | 'magnetism' | 'temperature' | 'volume' | 'area' | 'information' | 'speed';

interface Unit {
  kind: Kind;
  /** The unit in its kind's base unit (gram, metre, second, pascal, newton, joule, watt, tesla, kelvin, litre, m², bit, m/h). */
  factor: number;
  /** Whether a metric prefix may stand before it; the power the prefix is raised to (2 for m², 3 for m³). */
  prefix: 0 | 1 | 2 | 3;
  /** Whether the binary prefixes (ki, Mi, …) may stand before it. */
  binary?: boolean;
}

const LB = 453.59237; // g
const IN = 0.0254; // m
// Written out rather than multiplied, so that a mile is exactly 1609.344 m as in Excel.
const FT = 0.3048;
const YD = 0.9144;
const MI = 1609.344;
const NMI = 1852;
const PICA_POINT = IN / 72;
const PICA = IN / 6;
const LY = 9460730472580800; // m (Julian year at c)
const PARSEC = 3.0856775812815532e16; // m
const ANG = 1e-10;
const SURVEY_FT = 1200 / 3937; // m
const GRAVITY = 9.80665; // m/s²
const LBF = (LB / 1000) * GRAVITY; // N
const HP = 550 * FT * LBF; // W (550 foot-pounds per second)
const GAL = 231 * IN ** 3 * 1000; // L (231 cubic inches)
const UK_GAL = 4.54609; // L
const TSP = GAL / 768;

const units = new Map<string, Unit>();
function add(kind: Kind, factor: number, prefix: 0 | 1 | 2 | 3, names: string[], binary = false): void {
  for (const n of names) units.set(n, { kind, factor, prefix, binary });
}

// Weight and mass (gram)
add('mass', 1, 1, ['g']);
add('mass', (LBF * 1000) / FT, 0, ['sg']); // slug: a pound-force accelerates it 1 ft/s²
add('mass', LB, 0, ['lbm']);
add('mass', 1.660538782e-24, 1, ['u']); // atomic mass unit
add('mass', LB / 16, 0, ['ozm']);
add('mass', 0.06479891, 0, ['grain']);
add('mass', 100 * LB, 0, ['cwt', 'shweight']);
add('mass', 112 * LB, 0, ['uk_cwt', 'lcwt', 'hweight']);
add('mass', 14 * LB, 0, ['stone']);
add('mass', 2000 * LB, 0, ['ton']);
add('mass', 2240 * LB, 0, ['uk_ton', 'LTON', 'brton']);
// Distance (metre)
add('length', 1, 1, ['m']);
add('length', MI, 0, ['mi']);
add('length', NMI, 0, ['Nmi']);
add('length', IN, 0, ['in']);
add('length', FT, 0, ['ft']);
add('length', YD, 0, ['yd']);
add('length', ANG, 1, ['ang']);
add('length', 45 * IN, 0, ['ell']);
add('length', LY, 1, ['ly']);
add('length', PARSEC, 1, ['parsec', 'pc']);
add('length', PICA_POINT, 0, ['Picapt', 'Pica']);
add('length', PICA, 0, ['pica']);
add('length', 5280 * SURVEY_FT, 0, ['survey_mi']);
// Time (second)
add('time', 365.25 * 86400, 0, ['yr']);
add('time', 86400, 0, ['day', 'd']);
add('time', 3600, 0, ['hr']);
add('time', 60, 0, ['mn', 'min']);
add('time', 1, 1, ['sec', 's']);
// Pressure (pascal)
add('pressure', 1, 1, ['Pa', 'p']);
add('pressure', 101325, 1, ['atm', 'at']);
add('pressure', 133.322, 1, ['mmHg']);
add('pressure', LBF / IN ** 2, 0, ['psi']);
add('pressure', 101325 / 760, 0, ['Torr']);
// Force (newton)
add('force', 1, 1, ['N']);
add('force', 1e-5, 1, ['dyn', 'dy']);
add('force', LBF, 0, ['lbf']);
add('force', GRAVITY / 1000, 1, ['pond']);
// Energy (joule)
add('energy', 1, 1, ['J']);
add('energy', 1e-7, 1, ['e']); // erg
add('energy', 4.184, 1, ['c']); // thermodynamic calorie
add('energy', 4.1868, 1, ['cal']); // IT calorie
add('energy', 1.602176487e-19, 1, ['eV', 'ev']);
add('energy', HP * 3600, 0, ['HPh', 'hh']);
add('energy', 3600, 1, ['Wh', 'wh']);
add('energy', FT * LBF, 0, ['flb']);
add('energy', 1055.05585262, 0, ['BTU', 'btu']);
// Power (watt)
add('power', HP, 0, ['HP', 'h']);
add('power', 735.49875, 0, ['PS']);
add('power', 1, 1, ['W', 'w']);
// Magnetism (tesla)
add('magnetism', 1, 1, ['T']);
add('magnetism', 1e-4, 1, ['ga']);
// Temperature (kelvin; the others are handled with their offsets below)
add('temperature', 1, 1, ['K', 'kel']);
// Volume (litre)
add('volume', TSP, 0, ['tsp']);
add('volume', 0.005, 0, ['tspm']);
add('volume', 3 * TSP, 0, ['tbs']);
add('volume', 6 * TSP, 0, ['oz']);
add('volume', 48 * TSP, 0, ['cup']);
add('volume', GAL / 8, 0, ['pt', 'us_pt']);
add('volume', UK_GAL / 8, 1, ['uk_pt']);
add('volume', GAL / 4, 0, ['qt']);
add('volume', UK_GAL / 4, 0, ['uk_qt']);
add('volume', GAL, 0, ['gal']);
add('volume', UK_GAL, 0, ['uk_gal']);
add('volume', 1, 1, ['l', 'L', 'lt']);
add('volume', ANG ** 3 * 1000, 3, ['ang3', 'ang^3']);
add('volume', 42 * GAL, 0, ['barrel']);
add('volume', 2150.42 * IN ** 3 * 1000, 0, ['bushel']);
add('volume', FT ** 3 * 1000, 0, ['ft3', 'ft^3']);
add('volume', IN ** 3 * 1000, 0, ['in3', 'in^3']);
add('volume', LY ** 3 * 1000, 0, ['ly3', 'ly^3']);
add('volume', 1000, 3, ['m3', 'm^3']);
add('volume', MI ** 3 * 1000, 0, ['mi3', 'mi^3']);
add('volume', YD ** 3 * 1000, 0, ['yd3', 'yd^3']);
add('volume', NMI ** 3 * 1000, 0, ['Nmi3', 'Nmi^3']);
add('volume', PICA_POINT ** 3 * 1000, 0, ['Pica3', 'Picapt3', 'Pica^3', 'Picapt^3']);
add('volume', 100 * FT ** 3 * 1000, 0, ['GRT', 'regton']);
add('volume', 40 * FT ** 3 * 1000, 0, ['MTON']);
// Area (square metre)
add('area', 4840 * YD ** 2, 0, ['uk_acre']);
add('area', 43560 * SURVEY_FT ** 2, 0, ['us_acre']);
add('area', ANG ** 2, 2, ['ang2', 'ang^2']);
add('area', 100, 1, ['ar']);
add('area', FT ** 2, 0, ['ft2', 'ft^2']);
add('area', 10000, 0, ['ha']);
add('area', IN ** 2, 0, ['in2', 'in^2']);
add('area', LY ** 2, 0, ['ly2', 'ly^2']);
add('area', 1, 2, ['m2', 'm^2']);
add('area', 2500, 0, ['Morgen']);
add('area', MI ** 2, 0, ['mi2', 'mi^2']);
add('area', NMI ** 2, 0, ['Nmi2', 'Nmi^2']);
add('area', PICA_POINT ** 2, 0, ['Pica2', 'Pica^2', 'Picapt2', 'Picapt^2']);
add('area', YD ** 2, 0, ['yd2', 'yd^2']);
// Information (bit)
add('information', 1, 1, ['bit'], true);
add('information', 8, 1, ['byte'], true);
// Speed (metre per hour)
add('speed', 6080 * FT, 0, ['admkn']);
add('speed', NMI, 0, ['kn']);
add('speed', 1, 1, ['m/h', 'm/hr']);
add('speed', 3600, 1, ['m/s', 'm/sec']);
add('speed', MI, 1, ['mph']);

const PREFIXES: Readonly<Record<string, number>> = {
  Y: 1e24, Z: 1e21, E: 1e18, P: 1e15, T: 1e12, G: 1e9, M: 1e6, k: 1e3, h: 1e2, da: 1e1, e: 1e1,
  d: 1e-1, c: 1e-2, m: 1e-3, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15, a: 1e-18, z: 1e-21, y: 1e-24,
};
const BINARY_PREFIXES: Readonly<Record<string, number>> = {
  Yi: 2 ** 80, Zi: 2 ** 70, Ei: 2 ** 60, Pi: 2 ** 50, Ti: 2 ** 40, Gi: 2 ** 30, Mi: 2 ** 20, ki: 2 ** 10,
};

/** Temperatures other than kelvin: to and from kelvin. */
const TEMPERATURES: Readonly<Record<string, { toK: (v: number) => number; fromK: (k: number) => number }>> = {
  C: { toK: (v) => v + 273.15, fromK: (k) => k - 273.15 },
  F: { toK: (v) => ((v - 32) * 5) / 9 + 273.15, fromK: (k) => ((k - 273.15) * 9) / 5 + 32 },
  Rank: { toK: (v) => (v * 5) / 9, fromK: (k) => (k * 9) / 5 },
  Reau: { toK: (v) => v * 1.25 + 273.15, fromK: (k) => (k - 273.15) * 0.8 },
};
const TEMPERATURE_ALIASES: Readonly<Record<string, string>> = { cel: 'C', fah: 'F' };

interface Resolved {
  kind: Kind;
  /** The unit in its kind's base unit, prefix included. */
  factor: number;
  temperature?: string;
}

/**
 * A unit name, possibly with a prefix, → every reading of it Excel knows (none: not a unit). A
 * name can have two ("pc" is a parsec, and a picocalorie): CONVERT takes the one of the other
 * unit's kind.
 */
export function resolveUnit(name: string): Resolved[] {
  const t = TEMPERATURE_ALIASES[name] ?? name;
  if (TEMPERATURES[t]) return [{ kind: 'temperature', factor: 1, temperature: t }];
  const out: Resolved[] = [];
  const exact = units.get(name);
  if (exact) out.push({ kind: exact.kind, factor: exact.factor });
  // Two-letter prefixes (deka "da", the binary ones) first, then the one-letter ones.
  for (const len of [2, 1]) {
    const p = name.slice(0, len);
    const rest = units.get(name.slice(len));
    if (!rest || name.length <= len) continue;
    if (BINARY_PREFIXES[p] !== undefined && rest.binary) out.push({ kind: rest.kind, factor: rest.factor * BINARY_PREFIXES[p] });
    else if (PREFIXES[p] !== undefined && rest.prefix > 0) out.push({ kind: rest.kind, factor: rest.factor * PREFIXES[p] ** rest.prefix });
  }
  return out;
}

/** Excel's CONVERT: a number, or #N/A (with a message) for unknown or mismatched units. */
export function convert(x: number, from: string, to: string): number | CellError {
  const fs = resolveUnit(from);
  const ts = resolveUnit(to);
  if (fs.length === 0) return new CellError(ErrorType.NA, `CONVERT: "${from}" is not a unit Excel knows.`);
  if (ts.length === 0) return new CellError(ErrorType.NA, `CONVERT: "${to}" is not a unit Excel knows.`);
  const f = fs.find((a) => ts.some((b) => b.kind === a.kind));
  const t = f && ts.find((b) => b.kind === f.kind);
  if (!f || !t) return new CellError(ErrorType.NA, `CONVERT: "${from}" and "${to}" are not of the same kind.`);
  if (f.kind === 'temperature') {
    const kelvin = f.temperature ? TEMPERATURES[f.temperature].toK(x) : x * f.factor;
    return t.temperature ? TEMPERATURES[t.temperature].fromK(kelvin) : kelvin / t.factor;
  }
  return f.factor === t.factor ? x : (x * f.factor) / t.factor;
}
