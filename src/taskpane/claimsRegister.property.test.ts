/**
 * Random registers, evaluated through HyperFormula + the CYBER plugin: no cover pays past its
 * period limit (第十三条 (一) 2 (5), (8), (二) 1), the register never past the 责任限额 (第十三条
 * 「保险人的总赔偿金额以责任限额为限」), the limit left after each incident falls by exactly what it
 * paid, and the register's total is min(责任限额 left, Σ over covers of min(cover limit, Σ of its
 * rows' amounts)) — the same whatever the row order, as the module's order rule says.
 */
import fc from 'fast-check';
import { type Cover, type Incident, REGISTER_LAYOUT, registerSheet, type Schedule } from './claimsRegister';
import { evaluateSpec } from './testing/sheetEval';
import { dateSerial } from './templates/form';

const H = REGISTER_LAYOUT.headerRow;
const START = dateSerial(2025, 1, 1);

const incidentArb = fc.record({
  cover: fc.constantFrom<Cover>('profit', 'continuation', 'crisis'),
  day: fc.integer({ min: 0, max: 364 }),
  loss: fc.integer({ min: 0, max: 900_000 }),
  deductible: fc.integer({ min: 0, max: 60_000 }),
  hours: fc.integer({ min: 0, max: 48 }),
  ratio: fc.constantFrom(0.3, 0.5, 0.75, 1),
  recoveredShare: fc.constantFrom(0, 0.1, 0.5),
});

const scheduleArb = fc.record({
  overallLimit: fc.integer({ min: 0, max: 2_500_000 }),
  otherPaid: fc.integer({ min: 0, max: 500_000 }),
  profitLimit: fc.integer({ min: 0, max: 1_200_000 }),
  contSumInsured: fc.integer({ min: 0, max: 600_000 }),
  crisisLimit: fc.integer({ min: 0, max: 300_000 }),
});

test('caps hold, each limit left falls by what was paid, and the total does not depend on the row order', () => {
  fc.assert(
    fc.property(scheduleArb, fc.array(incidentArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 5 }), (sch, raw, shift) => {
      const s: Schedule = { ...sch, sumInsured: 8_400_000, annualRevenue: null, profitRate: null, waitingHours: 12, crisisReduction: 0.9, policyStart: START, policyEnd: START + 364 };
      const incidents: Incident[] = raw
        .map((r, i) => ({
          id: `E${i + 1}`,
          date: START + r.day,
          cover: r.cover,
          loss: r.loss,
          deductible: r.cover === 'crisis' ? null : r.deductible,
          hours: r.cover === 'crisis' ? null : r.hours,
          ratio: r.cover === 'continuation' ? r.ratio : null,
          recovered: r.cover === 'crisis' ? Math.round(r.loss * r.recoveredShare) : null,
        }))
        .sort((a, b) => a.date - b.date);
      const read = evaluateSpec(registerSheet(s, incidents));
      const payable = incidents.map((_, i) => read(`L${H + 1 + i}`) as number);
      const left = incidents.map((_, i) => read(`N${H + 1 + i}`) as number);
      const byCover = (c: Cover) => payable.filter((_, i) => incidents[i].cover === c).reduce((a, b) => a + b, 0);
      const eps = 1e-6;
      expect(payable.every((p) => typeof p === 'number' && p >= 0)).toBe(true);
      expect(byCover('profit')).toBeLessThanOrEqual(Math.min(s.sumInsured, s.profitLimit) + eps);
      expect(byCover('continuation')).toBeLessThanOrEqual(s.contSumInsured + eps);
      expect(byCover('crisis')).toBeLessThanOrEqual(s.crisisLimit + eps);
      const total = payable.reduce((a, b) => a + b, 0);
      const overall = Math.max(0, s.overallLimit - s.otherPaid);
      expect(total).toBeLessThanOrEqual(overall + eps);
      let before = overall;
      left.forEach((l, i) => {
        expect(l).toBeCloseTo(Math.max(0, before - payable[i]), 6);
        before = l;
      });
      // Each row's amount before any period limit, computed here from the wording's rules.
      const amountOf = (x: Incident) =>
        x.cover === 'profit'
          ? x.hours! > s.waitingHours
            ? Math.max(0, x.loss - x.deductible!)
            : 0
          : x.cover === 'continuation'
            ? x.hours! > s.waitingHours
              ? Math.min(Math.max(0, x.loss - x.deductible!), s.contSumInsured * x.ratio!)
              : 0
            : (x.loss - x.recovered!) * s.crisisReduction;
      const sumOf = (c: Cover) => incidents.filter((x) => x.cover === c).reduce((a, x) => a + amountOf(x), 0);
      const expected = Math.min(overall, Math.min(Math.min(s.sumInsured, s.profitLimit), sumOf('profit')) + Math.min(s.contSumInsured, sumOf('continuation')) + Math.min(s.crisisLimit, sumOf('crisis')));
      expect(total).toBeCloseTo(expected, 6);
      // Rotated out of date order: flagged rows, the same total.
      const k = shift % incidents.length;
      const rotated = [...incidents.slice(k), ...incidents.slice(0, k)];
      const readR = evaluateSpec(registerSheet(s, rotated));
      expect(readR(REGISTER_LAYOUT.summary.totalPaid) as number).toBeCloseTo(total, 6);
      expect(read(REGISTER_LAYOUT.summary.totalPaid) as number).toBeCloseTo(total, 6);
    }),
    { numRuns: 12, seed: 20251201 },
  );
});
