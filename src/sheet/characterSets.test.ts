/**
 * CHAR and CODE in the character set of the application that computed the workbook (Microsoft's
 * CHAR page: Windows uses ANSI, Windows-1252; the Macintosh the Macintosh character set), and the
 * readers taking it from docProps/app.xml's <Application> (issue 11: a workbook saved by Mac Excel
 * caches CHAR(157) as "ù").
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applicationOfAppXml, characterSetOfApplication, charOf, codeOf } from './characterSets';
import { evaluateSheet, type OutputCell } from './workbook';
import { readXlsx } from '../cli/read-xlsx';
import { openXlsx } from '../workbench/xlsx';

function one(formula: string, characterSet?: 'windows' | 'mac'): OutputCell {
  return evaluateSheet([[formula]], { characterSet })[0][0];
}

describe('the two character sets', () => {
  // Windows-1252 (Unicode's cp1252.txt) and Mac OS Roman (Apple's ROMAN.TXT), byte → character.
  test.each<[number, string, string]>([
    [65, 'A', 'A'],
    [128, '\u20AC', '\u00C4'], // € / Ä
    [130, '\u201A', '\u00C7'], // ‚ / Ç
    [138, '\u0160', '\u00E4'], // Š / ä
    [150, '\u2013', '\u00F1'], // – / ñ
    [153, '\u2122', '\u00F4'], // ™ / ô
    [157, '\u009D', '\u00F9'], // undefined in cp1252 (kept) / ù
    [159, '\u0178', '\u00FC'], // Ÿ / ü
    [160, '\u00A0', '\u2020'], // no-break space / †
    [165, '\u00A5', '\u2022'], // ¥ / •
    [189, '\u00BD', '\u03A9'], // ½ / Ω
    [202, '\u00CA', '\u00A0'], // Ê / no-break space
    [219, '\u00DB', '\u20AC'], // Û / €
    [222, '\u00DE', '\uFB01'], // Þ / ﬁ
    [240, '\u00F0', '\uF8FF'], // ð / the Apple logo (private use)
    [255, '\u00FF', '\u02C7'], // ÿ / ˇ
  ])('byte %i is %j on Windows and %j on the Mac', (byte, windows, mac) => {
    expect(charOf(byte, 'windows')).toBe(windows);
    expect(charOf(byte, 'mac')).toBe(mac);
    expect(codeOf(windows, 'windows')).toBe(byte);
    expect(codeOf(mac, 'mac')).toBe(byte);
  });

  test('each set holds 256 different characters, so CODE(CHAR(n)) is n for every byte', () => {
    for (const set of ['windows', 'mac'] as const) {
      for (let b = 1; b < 256; b++) expect(codeOf(charOf(b, set), set)).toBe(b);
    }
  });

  test('a character the set lacks is "?" (63); only the first character counts', () => {
    expect(codeOf('\u0101', 'windows')).toBe(63); // ā
    expect(codeOf('\u20AC', 'windows')).toBe(128);
    expect(codeOf('\u0160', 'mac')).toBe(63); // Š is not in Mac Roman
    expect(codeOf('\u{1F600}x', 'windows')).toBe(63);
    expect(codeOf('Ab', 'mac')).toBe(65);
  });

  test('the application named in docProps/app.xml', () => {
    const xml = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Macintosh Excel</Application><DocSecurity>0</DocSecurity></Properties>';
    expect(applicationOfAppXml(xml)).toBe('Microsoft Macintosh Excel');
    expect(characterSetOfApplication('Microsoft Macintosh Excel')).toBe('mac');
    expect(characterSetOfApplication('Microsoft Excel')).toBe('windows');
    expect(characterSetOfApplication(undefined)).toBe('windows');
    expect(applicationOfAppXml('<Properties/>')).toBeUndefined();
  });
});

describe('CHAR and CODE in a formula', () => {
  test.each<[string, OutputCell, OutputCell]>([
    ['=CHAR(128)', '\u20AC', '\u00C4'],
    ['=CHAR(157)', '\u009D', '\u00F9'],
    ['=CHAR(65.9)', 'A', 'A'],
    ['=UNICODE(CHAR(222))', 222, 64257],
    ['=CODE("\u20AC")', 128, 219],
    ['=CODE("\u00F9")', 249, 157],
    ['=CODE(CHAR(200))', 200, 200],
    ['=UNICHAR(249)', '\u00F9', '\u00F9'], // UNICHAR and UNICODE are the same everywhere
  ])('%s is %j on Windows and %j on the Mac', (formula, windows, mac) => {
    expect(one(formula)).toEqual(windows);
    expect(one(formula, 'windows')).toEqual(windows);
    expect(one(formula, 'mac')).toEqual(mac);
  });

  test.each(['=CHAR(0)', '=CHAR(256)', '=CHAR(0.5)', '=CODE("")'])('%s is #VALUE!', (formula) => {
    expect(one(formula)).toMatchObject({ error: '#VALUE!' });
    expect(one(formula, 'mac')).toMatchObject({ error: '#VALUE!' });
  });
});

describe('the readers take the character set from docProps/app.xml', () => {
  async function workbook(application?: string): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Main');
    ws.getCell('A1').value = 157;
    ws.getCell('B1').value = { formula: 'CHAR(A1)', result: '\u00F9' };
    ws.getCell('C1').value = { formula: 'CODE("\u20AC")', result: 219 };
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const app = await zip.file('docProps/app.xml')?.async('string');
    expect(app).toContain('<Application>Microsoft Excel</Application>');
    if (application !== undefined) zip.file('docProps/app.xml', (app as string).replace('Microsoft Excel', application));
    return zip.generateAsync({ type: 'uint8array' });
  }

  test.each<[string | undefined, 'windows' | 'mac', OutputCell, OutputCell]>([
    ['Microsoft Macintosh Excel', 'mac', '\u00F9', 219],
    [undefined, 'windows', '\u009D', 128],
  ])('saved by %s: the CLI reader and the workbench give CHAR(157) and CODE("€") of the %s set', async (application, set, char, code) => {
    const bytes = await workbook(application);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'charset-')), 'book.xlsx');
    fs.writeFileSync(file, bytes);
    const content = await readXlsx(file);
    expect(content.characterSet).toBe(set);
    const values = evaluateSheet(content.sheets[0].cells, { characterSet: content.characterSet });
    expect(values[0][1]).toBe(char);
    expect(values[0][2]).toBe(code);
    const model = await openXlsx(bytes, ExcelJS);
    expect(model.getValue('Main', 0, 1)).toBe(char);
    expect(model.getValue('Main', 0, 2)).toBe(code);
  });
});
