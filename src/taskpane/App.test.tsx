/**
 * The pane renders without Office (the gateway is a prop) and starts in Office's display
 * language. Rendered to a string: Jest runs in Node here, with no DOM.
 */
import { renderToString } from 'react-dom/server';
import { CATALOGUE } from '../engine';
import { App } from './App';
import { createStandaloneGateway } from './officeGateway';

test('a Chinese Office opens the reference in Simplified Chinese', () => {
  const html = renderToString(<App gateway={createStandaloneGateway('zh-CN')} host={{ inOffice: true, host: 'Excel' }} />);
  expect(html).toContain('CYBER 函数参考');
  expect(html).toContain(`共 ${CATALOGUE.length} 个函数`);
  expect(html).toContain('CYBER.PROFITRATE');
  expect(html).toContain(CATALOGUE[0].description.zh);
  expect(html).not.toContain(CATALOGUE[0].description.en);
  expect(html).not.toContain('当前不在 Excel 中运行');
});

test('any other Office language opens it in English, with a note outside Excel', () => {
  const html = renderToString(<App gateway={createStandaloneGateway('en-US')} host={{ inOffice: false }} />);
  expect(html).toContain('CYBER function reference');
  expect(html).toContain(CATALOGUE[1].description.en.replace(/&/g, '&amp;'));
  expect(html).toContain('Not running inside Excel');
  // The language switch offers both languages, each in its own script.
  expect(html).toContain('English');
  expect(html).toContain('简体中文');
});
