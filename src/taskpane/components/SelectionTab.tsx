import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { type ReactNode, useCallback } from 'react';
import type { SelectedCell, WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { useSelection } from '../useSelection';

/**
 * A tab that reads something about the selected cell and shows it, following the selection:
 * the shared frame of the Explain and Limits tabs (refresh, loading, read failure).
 */
export function SelectionTab<T>({
  gateway,
  language,
  read,
  render,
}: {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  readonly read: (gateway: WorkbookGateway, cell: SelectedCell | null) => Promise<T>;
  readonly render: (value: T) => ReactNode;
}) {
  const text = UI_TEXT[language];
  const load = useCallback((cell: SelectedCell | null) => read(gateway, cell), [gateway, read]);
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
      {result.state === 'ready' && render(result.value)}
    </div>
  );
}
