/** Entry of the task pane bundle, loaded by the shared-runtime page taskpane.html. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createOfficeGateway } from './officeGateway';

const gateway = createOfficeGateway();
const container = document.getElementById('root');

if (container) {
  // Render only once Office has initialised the page: displayLanguage is read on first render.
  void gateway.ready().then((host) => {
    createRoot(container).render(<App gateway={gateway} host={host} />);
  });
}
