import { useState } from 'react';
import { explainCell } from '../explain';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import type { Written } from '../statement';
import { ExplainView } from './ExplainView';
import { SelectionTab } from './SelectionTab';
import { StatementAction, StatementNotice } from './StatementTab';

/** Explains whatever cell is selected, following the selection; a formula cell's statement is one click away. */
export function ExplainTab({ gateway, language }: { readonly gateway: WorkbookGateway; readonly language: Language }) {
  // Kept here, outside what follows the selection: writing the statement selects its new sheet.
  const [written, setWritten] = useState<Written | undefined>();
  return (
    <>
      {written && <StatementNotice written={written} language={language} onDismiss={() => setWritten(undefined)} />}
      <SelectionTab
        gateway={gateway}
        language={language}
        read={explainCell}
        render={(e) => (
          <>
            {(e.kind === 'cyber' || e.kind === 'other') && (
              <StatementAction gateway={gateway} language={language} address={e.cell.address} label={UI_TEXT[language].statement.fromExplain} onWritten={setWritten} />
            )}
            <ExplainView explanation={e} language={language} />
          </>
        )}
      />
    </>
  );
}
