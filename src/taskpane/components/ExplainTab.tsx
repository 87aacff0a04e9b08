import { explainCell } from '../explain';
import type { WorkbookGateway } from '../gateway';
import type { Language } from '../i18n';
import { ExplainView } from './ExplainView';
import { SelectionTab } from './SelectionTab';

/** Explains whatever cell is selected, following the selection. */
export function ExplainTab({ gateway, language }: { readonly gateway: WorkbookGateway; readonly language: Language }) {
  return <SelectionTab gateway={gateway} language={language} read={explainCell} render={(e) => <ExplainView explanation={e} language={language} />} />;
}
