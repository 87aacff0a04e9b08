import { readLimits } from '../claimsRegister';
import type { WorkbookGateway } from '../gateway';
import type { Language } from '../i18n';
import { ClaimsRegisterPanel } from './ClaimsRegisterPanel';
import { ClaimsRegisterView } from './ClaimsRegisterView';
import { LimitsView } from './LimitsView';
import { SelectionTab } from './SelectionTab';

/**
 * The limits view of the selection, following it: a cell of a claims register shows the limits
 * left after each incident; a CYBER.ALLOCATE cell its tree of covers. The register's form sits above.
 */
export function LimitsTab({ gateway, language }: { readonly gateway: WorkbookGateway; readonly language: Language }) {
  return (
    <div>
      <SelectionTab
        gateway={gateway}
        language={language}
        read={readLimits}
        render={(r) => (r.kind === 'register' ? <ClaimsRegisterView reading={r.reading} language={language} gateway={gateway} /> : <LimitsView reading={r.reading} language={language} />)}
      />
      <ClaimsRegisterPanel gateway={gateway} language={language} />
    </div>
  );
}
