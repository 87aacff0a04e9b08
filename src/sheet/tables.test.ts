/** Table references → ranges, against the references Excel writes (its "Using structured references" page). */
import { resolveTableReferences, type TableDefinition } from './tables';

// Table1 on sheet "Data sheet": D1:F5, header row 1, data rows 2–4, totals row 5, columns col1..col3.
const T: TableDefinition = { name: 'Table1', sheet: 'Data sheet', top: 1, left: 4, bottom: 5, right: 6, headerRow: true, totalsRow: true, columns: ['col1', 'col 2', 'col3'] };
const at = { sheet: 'Data sheet', row: 3, col: 6 };

test.each([
  ['=SUM(Table1[col1])', "=SUM('Data sheet'!$D$2:$D$4)"],
  ['=SUM(Table1[])', "=SUM('Data sheet'!$D$2:$F$4)"],
  ['=SUM(Table1[#All])', "=SUM('Data sheet'!$D$1:$F$5)"],
  ['=SUM(Table1[#Data])', "=SUM('Data sheet'!$D$2:$F$4)"],
  ['=CONCAT(Table1[#Headers])', "=CONCAT('Data sheet'!$D$1:$F$1)"],
  ['=SUM(Table1[#Totals])', "=SUM('Data sheet'!$D$5:$F$5)"],
  ['=SUM(Table1[#This Row])', "=SUM('Data sheet'!$D$3:$F$3)"],
  ['=Table1[@col3]*2', "='Data sheet'!$F$3*2"],
  ['=Table1[[#This Row],[col 2]]', "='Data sheet'!$E$3"],
  ['=SUM(Table1[[#Headers],[#Data],[col1]:[col 2]])', "=SUM('Data sheet'!$D$1:$E$4)"],
  ['=SUBTOTAL(109,[col3])', "=SUBTOTAL(109,'Data sheet'!$F$2:$F$4)"],
  ['=[@col1]+1', "='Data sheet'!$D$3+1"],
  ['="Table1[col1]"&Other[x]', '="Table1[col1]"&Other[x]'],
  ['=SUM(Table1[nosuch])', '=SUM(Table1[nosuch])'],
])('%s → %s', (formula, expected) => {
  expect(resolveTableReferences(formula, [T], at)).toBe(expected);
});
