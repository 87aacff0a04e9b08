import { classifyArgument, findCyberCalls, qualifyReferences } from './formulaArgs';

describe('findCyberCalls', () => {
  test('top-level arguments of a call, omitted ones kept as ""', () => {
    expect(findCyberCalls('=CYBER.BIPAYOUT(C81,C7,C5,C6,C77,C73,,C8)')).toEqual([
      { name: 'BIPAYOUT', args: ['C81', 'C7', 'C5', 'C6', 'C77', 'C73', '', 'C8'], text: 'CYBER.BIPAYOUT(C81,C7,C5,C6,C77,C73,,C8)' },
    ]);
  });

  test('a call inside IF, with nested functions, strings, sheet names and array constants as whole arguments', () => {
    const calls = findCyberCalls(`=IF(C75,cyber.layer( SUM(A1:A3, 'My, sheet'!B2) , MAX(1,{1,2;3,4}), "a,""b)"),0)`);
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('LAYER');
    expect(calls[0].args).toEqual([`SUM(A1:A3, 'My, sheet'!B2)`, 'MAX(1,{1,2;3,4})', '"a,""b)"']);
  });

  test('several calls in reading order; a CYBER call nested in another stays in its argument', () => {
    const calls = findCyberCalls('=CYBER.LAYER(CYBER.OPERATINGPROFIT(A1,A2),0,10)+CYBER.WAITINGMET(5,2)');
    expect(calls.map((c) => c.name)).toEqual(['LAYER', 'WAITINGMET']);
    expect(calls[0].args[0]).toBe('CYBER.OPERATINGPROFIT(A1,A2)');
  });

  test('no calls: plain formulas, names that merely contain CYBER, text mentioning a call, no arguments', () => {
    expect(findCyberCalls('=SUM(A1:A3)')).toEqual([]);
    expect(findCyberCalls('=MYCYBER.X(1)')).toEqual([]);
    expect(findCyberCalls('="CYBER.LAYER(1,2,3)"')).toEqual([]);
    expect(findCyberCalls('=CYBER.LAYER(1,2')).toEqual([]);
    expect(findCyberCalls('=CYBER.X()')).toEqual([{ name: 'X', args: [], text: 'CYBER.X()' }]);
  });
});

describe('classifyArgument', () => {
  test.each([
    ['', { kind: 'omitted' }],
    ['  ', { kind: 'omitted' }],
    ['1250000', { kind: 'number', value: 1250000 }],
    ['-0.5', { kind: 'number', value: -0.5 }],
    ['1E3', { kind: 'number', value: 1000 }],
    ['15%', { kind: 'number', value: 0.15 }],
    ['"excess"', { kind: 'text', value: 'excess' }],
    ['"say ""hi"""', { kind: 'text', value: 'say "hi"' }],
    ['true', { kind: 'boolean', value: true }],
    ['C5', { kind: 'reference', address: 'C5' }],
    ['$C$5:$D$9', { kind: 'reference', address: '$C$5:$D$9' }],
    ["'My sheet'!A1:B2", { kind: 'reference', address: "'My sheet'!A1:B2" }],
    ['Claim!C5', { kind: 'reference', address: 'Claim!C5' }],
    ['C5*2', { kind: 'expression', text: 'C5*2' }],
    ['SumInsured', { kind: 'expression', text: 'SumInsured' }],
    ['D30#', { kind: 'expression', text: 'D30#' }],
    ['{1;2;3}', { kind: 'expression', text: '{1;2;3}' }],
  ])('%s', (text, kind) => expect(classifyArgument(text)).toEqual(kind));
});

describe('qualifyReferences', () => {
  test('unqualified cells, ranges and columns get the sheet; the rest is untouched', () => {
    expect(qualifyReferences('=SUM(C3:C5)*2+$B$1', 'Claim')).toBe('=SUM(Claim!C3:C5)*2+Claim!$B$1');
    expect(qualifyReferences('=A1+Other!B2+\'X y\'!C3', 'My sheet')).toBe("='My sheet'!A1+Other!B2+'X y'!C3");
    expect(qualifyReferences('=LOG10(A:A)+SumInsured+TRUE', 'S')).toBe('=LOG10(S!A:A)+SumInsured+TRUE');
    expect(qualifyReferences('="A1 is text"&A1', 'S')).toBe('="A1 is text"&S!A1');
    expect(qualifyReferences('=1E5+2.5e-3*B2', 'S')).toBe('=1E5+2.5e-3*S!B2');
    expect(qualifyReferences('=CYBER.LAYER(C5,0,D30#)', 'S')).toBe('=CYBER.LAYER(S!C5,0,S!D30#)');
  });
});
