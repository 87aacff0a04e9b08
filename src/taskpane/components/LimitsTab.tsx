import { readAllocate } from '../explain';
import type { WorkbookGateway } from '../gateway';
import type { Language } from '../i18n';
import { LimitsView } from './LimitsView';
import { SelectionTab } from './SelectionTab';

/** The limits view of the selected CYBER.ALLOCATE cell, following the selection. */
export function LimitsTab({ gateway, language }: { readonly gateway: WorkbookGateway; readonly language: Language }) {
  return <SelectionTab gateway={gateway} language={language} read={readAllocate} render={(r) => <LimitsView reading={r} language={language} />} />;
}
