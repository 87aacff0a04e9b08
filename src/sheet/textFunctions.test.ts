/**
 * Excel's text and information functions as src/sheet evaluates them (src/sheet/textFormat.ts,
 * src/sheet/textFunctions.ts): each expected value is what Excel gives, from Microsoft's pages
 * ("TEXT function", "Review guidelines for customizing a number format", "BAHTTEXT function",
 * "FIXED function", "NUMBERVALUE function", …) and from values Excel computed.
 */
import { evaluateSheet, evaluateWorkbook, type InputCell, type OutputCell } from './workbook';
import { excelText, textToNumber } from './textFormat';
import { bahtText } from './textFunctions';

function one(formula: string, cells: InputCell[][] = []): OutputCell {
  const rows = cells.map((r) => [...r]);
  rows.unshift([formula]);
  return evaluateSheet(rows)[0][0];
}

describe('TEXT format codes as Excel applies them', () => {
  test.each<[number | string, string, string | undefined]>([
    // every % multiplies by 100
    [1.23, '#%%%', '1230000%%%'],
    [1.23, '# ### %%%', '1230 000 %%%'],
    [890123.456789, '%#%#%', '%89012345678%9%'],
    // literals between digit placeholders; thousands separators counted over placeholder positions
    [1234567890, '0,## ##, ##', '1,234,56 7,8 90'],
    [1234567890, '0,## ## ,##', '1,234,56 7,8 ,90'],
    [1234578.555, '0cc###,00', '1,2cc34,579'],
    [1234578.555, '#,##000000070###### .  # ,0.00.0,00', '00,000,0071,234,578 .  5 ,5.50.000'],
    [1000000.555, '##00,############# .  # ,0.00.0,00', '001,000,000 .  5 ,5.50.000'],
    [1234567.89, '#,#"ZZ"#.0"YY"00', '1,234,56ZZ7.8YY90'],
    [890123.456789, '#x,0,#.00.0', '890,1x,23.45.7'],
    [890123.456789, '#x,0x#.00.0', '8901x,2x3.45.7'],
    [890123.456789, '0,x#.00.0', '89012x3.45.7'],
    // a second point is literal, the decimals go on after it
    [890123.456789, '#.###.#.#.#', '890123.456.7.8.9'],
    [890123.456789, '#.#####00#0', '890123.45678900'],
    [890123.456789, '.#', '890123.5'],
    [1, '#.##', '1.'],
    [-1234.567, '"dd"$#,##0.00', '-dd$1,234.57'],
    [10.93, '#".505#"°F"#"', '11.505#°F#'],
    // scaling commas, the usual codes
    [1500000, '0.0,,', '1.5'],
    [123456, '#,##0,', '123'],
    [0.32, '0.0%', '32.0%'],
    [12345, '0.00E+00', '1.23E+04'],
    [1.25, '# ?/?', '1 1/4'],
    // sections, empty format, text sections
    [-1, '##.00;-  ##.0;"ZERO"', '-  1.0'],
    [0, '##.00;-  ##.0;"ZERO"', 'ZERO'],
    [-1, 'w;x@', '-w'],
    [-1, '', '-'],
    [0, '', ''],
    ['X', ';-  ##.0;"ZERO"@;"X"', undefined],
    [1234567.89, '#,#"ZZ"#.0"YY"00@', undefined],
    [1.23, '#"°F""', undefined],
    // elapsed time, dates out of range, negative dates
    ['2007-02-03 19:08:07.0123', '[h]', '938803'],
    ['2007-02-03 19:08:07.0123', '[s]', '3379691287'],
    [-1, '[h]', '-24'],
    [-1, '[h]:m', undefined],
    [-1, '[s].000', undefined],
    [0, '[s].000', '0.000'],
    [-1, 'h', undefined],
    [2958466, 'yy', undefined],
    [2958466, '[h]', '71003184'],
    // text read as a time
    ['0:59:99', '#.#####', '.04212'],
    ['23:99', '#.#####', '1.02708'],
    ['24:99', '#.#####', '24:99'],
    ['23:59.012345', '#.#######', '.0166552'],
    ['23:59.', '#.###########', '.99930555556'],
  ])('TEXT(%j, %j) is %j', (value, code, expected) => {
    expect(excelText(value, code)).toBe(expected);
  });

  test('in a sheet: an error passes through, a bad format is #VALUE!', () => {
    expect(one('=TEXT(A2,"#.00")', [['=1/0']])).toMatchObject({ error: '#DIV/0!' });
    expect(one('=TEXT(1,";;;;")')).toMatchObject({ error: '#VALUE!' });
    expect(one('=TEXT(1.23,"#%%%")')).toBe('1230000%%%');
    expect(one('=TEXT("1,234.5","0.00")')).toBe('1234.50');
  });

  test('text Excel reads as numbers', () => {
    expect(textToNumber('1987-08-26')).toBe(32015);
    expect(textToNumber('0:0:9999')).toBeCloseTo(9999 / 86400, 12);
    expect(textToNumber('0:0:10000')).toBeUndefined();
    expect(textToNumber('1:30 PM')).toBeCloseTo(13.5 / 24, 12);
    expect(textToNumber('ciao')).toBeUndefined();
    expect(textToNumber('($1,234.50)')).toBe(-1234.5);
    expect(textToNumber('12.5%')).toBe(0.125);
    expect(textToNumber('1,23')).toBeUndefined();
  });
});

describe('BAHTTEXT', () => {
  test.each<[number, string]>([
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งบาทถ้วน'],
    [157, 'หนึ่งร้อยห้าสิบเจ็ดบาทถ้วน'],
    [65.8, 'หกสิบห้าบาทแปดสิบสตางค์'],
    [-1, 'ลบหนึ่งบาทถ้วน'],
    [1234, 'หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน'],
    [21, 'ยี่สิบเอ็ดบาทถ้วน'],
    [11.25, 'สิบเอ็ดบาทยี่สิบห้าสตางค์'],
    [1000000, 'หนึ่งล้านบาทถ้วน'],
    [0.5, 'ห้าสิบสตางค์'],
  ])('BAHTTEXT(%j) is %j', (x, expected) => {
    expect(bahtText(x)).toBe(expected);
  });

  test('in a sheet: TRUE is 1, text is #VALUE!', () => {
    expect(one('=BAHTTEXT(TRUE)')).toBe('หนึ่งบาทถ้วน');
    expect(one('=BAHTTEXT("ciao")')).toMatchObject({ error: '#VALUE!' });
  });
});

describe('text functions Excel computes differently from HyperFormula', () => {
  test.each<[string, OutputCell]>([
    ['=SEARCH("BASE","database",1.9)', 5],
    ['=SEARCH("b?se","database")', 5],
    ['=FIND("ia","ciao",2)', 2],
    ['=MID("bau",1.9,2.3)', 'ba'],
    ['=VALUE("1987-08-26")', 32015],
    ['=VALUE("$1,000")', 1000],
    ['=FIXED("123456789076754345682.2121234567832131341",0)', '123,456,789,076,754,000,000'],
    ['=FIXED(1234.567,-128000)', '0'],
    ['=FIXED(1234.567,1)', '1,234.6'],
    ['=NUMBERVALUE("(2.500,27)",",",".")', -2500.27],
    ['=NUMBERVALUE("(2500,27E+6%)%",",")', -250027],
    ['=CONCATENATE("a",1,TRUE)', 'a1TRUE'],
    ['=SUBSTITUTE("0, 1.9,2.3",1,5,1.9)', '0, 5.9,2.3'],
    ['=REPLACE("abcdef",2.9,2.9,"X")', 'aXdef'],
    ['=DOLLAR(1234.567)', '$1,234.57'],
    ['=DOLLAR(-1234.567,-2)', '($1,200)'],
    ['=DOLLAR(-0.123,4)', '($0.1230)'],
    ['=DOLLAR(99.888)', '$99.89'],
    ['=SUBSTITUTE("aaaa","aa","b",2)', 'aab'],
    ['=SUBSTITUTE("abc","z","x",200)', 'abc'],
    ['=SUBSTITUTE("abab","b","x")', 'axax'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toEqual(expected);
  });

  test.each<[string]>([['=SUBSTITUTE("abc","b","x",TRUE)'], ['=SUBSTITUTE("abc","b","x",0.99)'], ['=FIND("ia","ciao",3)'], ['=NUMBERVALUE("(2500.27)",".",".,")'], ['=NUMBERVALUE("(-2500.27E+2%)%",".",",.,")'], ['=NUMBERVALUE("1","")']])('%s is #VALUE!', (formula) => {
    expect(one(formula)).toMatchObject({ error: '#VALUE!' });
  });

  test('T of a range is T of its first cell, also in an array formula', () => {
    const [sheet] = evaluateWorkbook([{ name: 'S', cells: [['x', 1], ['=ARRAYFORMULA(T(A1:B1))']], arrays: [{ row: 1, col: 0, rows: 1, cols: 2 }] }]);
    expect(sheet.values[1].slice(0, 2)).toEqual(['x', 'x']);
  });

  test('array formulas lift CONCATENATE, ERROR.TYPE and ISFORMULA over ranges', () => {
    const [sheet] = evaluateWorkbook([
      {
        name: 'S',
        cells: [
          [0, 2, 3, '=1/0', '=NA()'],
          ['=ARRAYFORMULA(CONCATENATE(A1:C1,B1:D1))', null, null],
          ['=ARRAYFORMULA(ERROR.TYPE(C1:E1))', null, null],
          ['=ARRAYFORMULA(ISFORMULA(C1:E1))', null, null],
        ],
        arrays: [
          { row: 1, col: 0, rows: 1, cols: 3 },
          { row: 2, col: 0, rows: 1, cols: 3 },
          { row: 3, col: 0, rows: 1, cols: 3 },
        ],
      },
    ]);
    expect(sheet.values[1].slice(0, 3)).toEqual(['02', '23', { error: '#DIV/0!', message: expect.any(String) }]);
    expect(sheet.values[2][0]).toMatchObject({ error: '#N/A' });
    expect(sheet.values[2].slice(1, 3)).toEqual([2, 7]);
    expect(sheet.values[3].slice(0, 3)).toEqual([false, true, true]);
  });
});

describe('information functions as Excel computes them', () => {
  test('CELL tells the address, column, row, contents and type of a reference; other info types are #VALUE! with the reason', () => {
    const cells: InputCell[][] = [[null, true, 'x']];
    expect(one('=CELL("contents",B2)', cells)).toBe(true);
    expect(one('=CELL("address",B2)', cells)).toBe('$B$2');
    expect(one('=CELL("col",C2)', cells)).toBe(3);
    expect(one('=CELL("row",C2)', cells)).toBe(2);
    expect(one('=CELL("type",A2)', cells)).toBe('b');
    expect(one('=CELL("type",C2)', cells)).toBe('l');
    expect(one('=CELL("type",B2)', cells)).toBe('v');
    expect(one('=CELL("width",B2)', cells)).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('width') });
  });

  test('TYPE of a function given as a value (_xleta.SUM, as a file stores it) is 128, a lambda', () => {
    expect(one('=TYPE(_xleta.SUM)')).toBe(128);
    expect(one('=TYPE("x")')).toBe(2);
  });

  test('an IS function over a range in a larger array formula tests #N/A beyond the range, as Excel', () => {
    const [sheet] = evaluateWorkbook([
      {
        name: 'S',
        cells: [
          [1, 'a'],
          ['=ARRAYFORMULA(ISNUMBER(A1:B1))', null, null],
          ['=ARRAYFORMULA(ISNA(A1:B1))', null, null],
          ['=ARRAYFORMULA(ISNONTEXT(A1:B1))', null, null],
        ],
        arrays: [
          { row: 1, col: 0, rows: 1, cols: 3 },
          { row: 2, col: 0, rows: 1, cols: 3 },
          { row: 3, col: 0, rows: 1, cols: 3 },
        ],
      },
    ]);
    expect(sheet.values[1].slice(0, 3)).toEqual([true, false, false]);
    expect(sheet.values[2].slice(0, 3)).toEqual([false, false, true]);
    expect(sheet.values[3].slice(0, 3)).toEqual([true, false, true]);
  });
});

describe('a cell holding empty text (a file\'s empty shared string) is text, not blank, as in Excel', () => {
  test('ISBLANK is FALSE, ISTEXT TRUE, COUNTA counts it, ARRAYTOTEXT strict shows it as "" and an empty cell as nothing', () => {
    const cells: InputCell[][] = [[null, { text: '' }, 1]];
    expect(one('=ISBLANK(B2)', cells)).toBe(false);
    expect(one('=ISTEXT(B2)', cells)).toBe(true);
    expect(one('=COUNTA(A2:C2)', cells)).toBe(2);
    expect(one('=ARRAYTOTEXT(A2:C2,1)', cells)).toBe('{,"",1}');
  });
});
