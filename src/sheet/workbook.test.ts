import { evaluateSheet, evaluateWorkbook, type OutputCell, usedRange } from './workbook';

describe('evaluateSheet', () => {
  it('keeps text as text: no guessing of percentages, dates, booleans or formulas', () => {
    const [row] = evaluateSheet([['12%', '2024-01-01', 'true', '#N/A', "'quoted", { text: '=not a formula' }, '$5', '']]);
    expect(row).toEqual(['12%', '2024-01-01', 'true', '#N/A', "'quoted", '=not a formula', '$5']);
  });

  it('evaluates formulas, numbers and booleans; blanks are null', () => {
    const values = evaluateSheet([[1, true, null, '=A1+1', '=IF(B1,"yes","no")', '=CYBER.LOSTPROFIT(0.3, 0.1)']]);
    expect(values).toEqual([[1, true, null, 2, 'yes', 0.03]]);
  });

  it('gives every error a code and a non-empty message', () => {
    const [row] = evaluateSheet([['=1/0', { error: '#N/A' }, { error: '#NULL!' }, '=CYBER.LOSTPROFIT(B1, 0.3)', '=NOSUCHFUNCTION(1)', '=CYBER.LOSTPROFIT(-1, 0.3)']]);
    expect(row).toEqual([
      { error: '#DIV/0!', message: 'Division by zero.' },
      { error: '#N/A', message: 'Value not available.' },
      { error: '#NULL!', message: 'Null intersection of ranges.' },
      { error: '#N/A', message: 'Value not available.' },
      { error: '#NAME?', message: 'Function name NOSUCHFUNCTION not recognized.' },
      { error: '#VALUE!', message: 'CYBER.LOSTPROFIT: revenue_reduction must be 0 or more, but it is -1.' },
    ]);
  });

  it('includes the cells spilled arrays fill', () => {
    const values = evaluateSheet([['=SEQUENCE(3)', '=TRANSPOSE(A1:A3)']]);
    expect(usedRange(values)).toEqual([
      [1, 1, 2, 3],
      [2, null, null, null],
      [3, null, null, null],
    ]);
  });

  it('array arithmetic: element-wise when asked (Excel 365 typing), implicit intersection otherwise', () => {
    const cells = [[1, '=A1:A3*10'], [2], [3]];
    expect(usedRange(evaluateSheet(cells, { arrayArithmetic: true })).map((r) => r[1])).toEqual([10, 20, 30]);
    expect(usedRange(evaluateSheet(cells)).map((r) => r[1])).toEqual([10, null, null]);
    expect(usedRange(evaluateSheet([[1, '=ARRAYFORMULA(A1:A3*10)'], [2], [3]])).map((r) => r[1])).toEqual([10, 20, 30]);
  });

  it('accepts the storage prefixes of xlsx formulas', () => {
    expect(evaluateSheet([['=_xlfn.IFNA(NA(),"ab")', '=_xludf.CYBER.LOSTPROFIT(100,0.5)', '=_xldudf_CYBER_WAITINGMET(13,12)']])).toEqual([['ab', 50, true]]);
  });

  it('uses Excel\'s 1900 serials (null date 1899-12-30): 1900-03-01 is 61, 2024-12-01 is 45627', () => {
    expect(evaluateSheet([['=DATE(1900,3,1)', '=DATE(2024,12,1)', '=CYBER.CRISISWINDOW(DATE(2024,12,1), 45628)', '=EDATE(DATE(2024,2,29),-12)']])).toEqual([[61, 45627, true, 44985]]);
  });

  it('messages in Chinese on request', () => {
    const [[v]] = evaluateSheet([['=CYBER.LOSTPROFIT(-1, 0.3)']], { language: 'zh' });
    expect((v as { message: string }).message).toBe('CYBER.LOSTPROFIT：参数 revenue_reduction（收益减少金额） 不得为负数，但输入的是 -1。');
  });
});

describe('evaluateWorkbook', () => {
  it('evaluates references between sheets and workbook names', () => {
    const [model, schedule] = evaluateWorkbook(
      [
        { name: 'Model', cells: [['=CYBER.LOSTPROFIT(Schedule!A1, ProfitRate)', '=SumInsured*2']] },
        { name: 'Schedule', cells: [[1000, 0.3, 5000]] },
      ],
      { names: [{ name: 'ProfitRate', expression: '=Schedule!$B$1' }, { name: 'SumInsured', expression: '=Schedule!$C$1' }, { name: 'Broken', expression: '=A1' }] },
    );
    expect(model.values).toEqual([[300, 10000]]);
    expect(model.formulas.get('0,0')).toBe('=CYBER.LOSTPROFIT(Schedule!A1, ProfitRate)');
    expect(schedule.values).toEqual([[1000, 0.3, 5000]]);
  });

  it('spills CYBER arrays over named ranges and other sheets, with and without array arithmetic', () => {
    const sheets = [
      {
        name: 'Model',
        cells: [['=CYBER.ALLOCATE(Claims,Covers)', '=CYBER.POOLSHARE(Data!E1:E2)', '=CYBER.RECOVERY(130000,0,160000,25000,100000)']],
      },
      {
        name: 'Data',
        cells: [
          ['event', 'cover', 'amount', null, 6000000, 'id', 'parent', 'per', 'aggregate', 'deductible'],
          ['E1', 'BI', 500, null, 9000000, 'BI', null, 600, 1000, 100],
          ['E1', 'CBI', 300, null, null, 'CBI', 'BI', null, 400, 50],
        ],
      },
    ];
    const names = [
      { name: 'Claims', expression: '=Data!$A$1:$C$3' },
      { name: 'Covers', expression: '=Data!$F$1:$J$3' },
    ];
    for (const arrayArithmetic of [false, true]) {
      const [model] = evaluateWorkbook(sheets, { names, arrayArithmetic });
      expect(usedRange(model.values)).toEqual([
        ['payable', 4000000, 35000, 95000, 0, 0],
        [400, 6000000, null, null, null, null],
        [200, null, null, null, null, null],
      ]);
    }
  });
});

describe('usedRange', () => {
  it('trims trailing blank rows and columns and pads rows to one width', () => {
    const values: OutputCell[][] = [[1, null, null], [null, 'x', ''], [null, null], []];
    expect(usedRange(values)).toEqual([
      [1, null],
      [null, 'x'],
    ]);
    expect(usedRange([[null, '']])).toEqual([]);
  });
});
