import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback } from 'react';
import { explainCell } from '../explain';
import type { SelectedCell, WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { useSelection } from '../useSelection';
import { ExplainView } from './ExplainView';

/** Explains whatever cell is selected, following the selection. */
export function ExplainTab({ gateway, language }: { readonly gateway: WorkbookGateway; readonly language: Language }) {
  const text = UI_TEXT[language];
  const load = useCallback((cell: SelectedCell | null) => explainCell(gateway, cell), [gateway]);
  const [result, refresh] = useSelection(gateway, load);
  return (
    <div>
      <Button size="small" onClick={refresh}>
        {text.refresh}
      </Button>
      {result.state === 'loading' && <Spinner size="tiny" />}
      {result.state === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{text.readFailed(result.message)}</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'ready' && <ExplainView explanation={result.value} language={language} />}
    </div>
  );
}
