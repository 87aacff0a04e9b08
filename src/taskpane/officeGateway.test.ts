import { createOfficeGateway, createStandaloneGateway } from './officeGateway';

const globals = globalThis as Record<string, unknown>;
afterEach(() => delete globals.Office);

test('inside Excel: ready() reports the host and displayLanguage() reads Office.context', async () => {
  globals.Office = { onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }), context: { displayLanguage: 'zh-CN' } };
  const gateway = createOfficeGateway();
  await expect(gateway.ready()).resolves.toEqual({ inOffice: true, host: 'Excel' });
  expect(gateway.displayLanguage()).toBe('zh-CN');
});

test('office.js in a plain browser (host null) or absent: not in Office, no language', async () => {
  globals.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
  await expect(createOfficeGateway().ready()).resolves.toEqual({ inOffice: false });
  expect(createOfficeGateway().displayLanguage()).toBeUndefined();
  delete globals.Office;
  await expect(createOfficeGateway().ready()).resolves.toEqual({ inOffice: false });
  expect(createOfficeGateway().displayLanguage()).toBeUndefined();
});

test('a failing onReady does not break the pane', async () => {
  globals.Office = { onReady: () => Promise.reject(new Error('no host')) };
  await expect(createOfficeGateway().ready()).resolves.toEqual({ inOffice: false });
});

test('the standalone gateway answers with what it was given', async () => {
  const g = createStandaloneGateway('en-GB');
  expect(g.displayLanguage()).toBe('en-GB');
  await expect(g.ready()).resolves.toEqual({ inOffice: false });
});
