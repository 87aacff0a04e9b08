import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, ProgressBar, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { addIncident, type Cover, COVERS, CHECK, EMPTY_INCIDENT, type IncidentEntries, readRegister, REGISTER_CAPACITY, type RegisterReading, registerDateText } from '../claimsRegister';
import { REGISTER_TEXT } from '../claimsRegisterText';
import type { CellValue, WorkbookGateway } from '../gateway';
import { formatAmount } from '../format';
import type { Language } from '../i18n';

type Register = Extract<RegisterReading, { ok: true }>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  incident: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, borderLeft: `2px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS, minWidth: 0 },
  flagged: { borderLeft: `2px solid ${tokens.colorPaletteRedBorder2}` },
  bar: { display: 'grid', gridTemplateColumns: 'minmax(6em, 40%) 1fr', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

const amountOf = (v: CellValue, language: Language) => (typeof v === 'number' ? formatAmount(v, language) : v !== null && typeof v === 'object' ? v.error : String(v ?? ''));

/** Used-vs-limit bar: what is left after the payments so far. */
function LeftBar({ label, limit, left, language }: { label: string; limit: number | null; left: CellValue; language: Language }) {
  const styles = useStyles();
  const t = REGISTER_TEXT[language];
  const used = typeof left === 'number' && limit !== null ? limit - left : null;
  return (
    <div className={styles.bar}>
      <Caption1>{label}</Caption1>
      <div>
        {used !== null && limit !== null && <ProgressBar value={limit === 0 ? 1 : Math.min(1, used / limit)} max={1} color={left === 0 ? 'error' : 'brand'} thickness="large" />}
        <Caption1>
          {t.left(amountOf(left, language))}
          {limit !== null && used !== null ? ` · ${t.paidOf(formatAmount(used, language), formatAmount(limit, language))}` : ''}
        </Caption1>
      </div>
    </div>
  );
}

/** The remaining limits after each incident of a claims register, and the add-incident action. */
export function ClaimsRegisterView({ reading, language, gateway }: { readonly reading: Register; readonly language: Language; readonly gateway?: WorkbookGateway }) {
  const styles = useStyles();
  const t = REGISTER_TEXT[language];
  const [current, setCurrent] = useState<Register>(reading);
  useEffect(() => setCurrent(reading), [reading]);
  const r = current;
  const coverName = (c: string) => (COVERS.includes(c as Cover) ? t.covers[c as Cover] : c);
  const coverLimit = (c: string) => (COVERS.includes(c as Cover) ? r.covers[c as Cover].limit : null);
  return (
    <div className={styles.root} data-register={r.sheet}>
      <Subtitle2>{t.heading(r.sheet)}</Subtitle2>
      <Caption1>{t.orderRule}</Caption1>
      {r.outOfOrder > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.outOfOrder(r.outOfOrder)}</MessageBarBody>
        </MessageBar>
      )}
      {r.flagged > 0 && r.flagged !== r.outOfOrder && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.flagged(r.flagged)}</MessageBarBody>
        </MessageBar>
      )}
      <LeftBar label={t.overall} limit={r.overall.limit} left={r.overall.left} language={language} />
      {COVERS.map((c) => (
        <LeftBar key={c} label={t.covers[c]} limit={r.covers[c].limit} left={r.covers[c].left} language={language} />
      ))}
      {r.rows.length === 0 && <Body1>{t.noIncidents}</Body1>}
      {r.rows.map((row) => {
        const ok = row.check === CHECK.ok;
        return (
          <div key={row.row} className={ok ? styles.incident : `${styles.incident} ${styles.flagged}`} data-incident={row.id} data-row={row.row}>
            <Body1>
              <strong>{row.id}</strong> · {row.date === null ? '' : registerDateText(row.date, r.date1904)} · {coverName(row.cover)} · {t.columns.payable} <strong>{amountOf(row.payable, language)}</strong>
            </Body1>
            <LeftBar label={t.columns.coverLeft} limit={coverLimit(row.cover)} left={row.coverLeft} language={language} />
            <LeftBar label={t.columns.overallLeft} limit={r.overall.limit} left={row.overallLeft} language={language} />
            {!ok && (
              <Caption1 data-check={row.row}>
                {t.columns.check}: {amountOf(row.check, language)}
              </Caption1>
            )}
          </div>
        );
      })}
      {gateway && <AddIncidentForm gateway={gateway} register={r} language={language} onAdded={setCurrent} />}
    </div>
  );
}

const FIELD_KEYS = ['id', 'date', 'cover', 'loss', 'deductible', 'hours', 'ratio', 'recovered'] as const;

/** What adding an incident says, whether its row was written, and the register read again after it. */
export interface AddOutcome {
  readonly status: { readonly intent: 'success' | 'warning' | 'error'; readonly text: string };
  readonly written: boolean;
  readonly reading?: Register;
}

/**
 * Adds the incident (addIncident), then reads the register again for the list. Once the row is
 * written, a failure to read it back is a warning that says so — never "could not be added", which
 * would have the user add the incident again and the register count it twice.
 */
export async function addAndReadBack(gateway: WorkbookGateway, register: Register, entries: IncidentEntries, language: Language): Promise<AddOutcome> {
  const t = REGISTER_TEXT[language];
  let row: number;
  try {
    const result = await addIncident(gateway, register, entries);
    if (!result.ok) return { status: { intent: 'error', text: result.error[language] }, written: false };
    row = result.row;
  } catch (e) {
    return { status: { intent: 'error', text: t.addFailed(e instanceof Error ? e.message : String(e)) }, written: false };
  }
  const id = entries.id.trim();
  let failure = '';
  try {
    const again = await readRegister(gateway, register.sheet);
    if (again.ok) return { status: { intent: 'success', text: t.added(id, row) }, written: true, reading: again };
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  return { status: { intent: 'warning', text: t.addedNotRefreshed(id, row, failure) }, written: true };
}

/** One incident's entries, checked against the register, written on its first free row. */
export function AddIncidentForm({ gateway, register, language, onAdded }: { gateway: WorkbookGateway; register: Register; language: Language; onAdded: (r: Register) => void }) {
  const styles = useStyles();
  const t = REGISTER_TEXT[language];
  const [entries, setEntries] = useState<IncidentEntries>(EMPTY_INCIDENT);
  const [status, setStatus] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  async function add() {
    setBusy(true);
    try {
      const outcome = await addAndReadBack(gateway, register, entries, language);
      setStatus(outcome.status);
      if (outcome.written) setEntries(EMPTY_INCIDENT);
      if (outcome.reading) onAdded(outcome.reading);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className={styles.form}>
      <Subtitle2>{t.addTitle}</Subtitle2>
      {FIELD_KEYS.map((k) => (
        <Field key={k} label={t.fields[k]}>
          {k === 'cover' ? (
            <Select aria-label={t.fields.cover} value={entries.cover} onChange={(_, d) => setEntries({ ...entries, cover: d.value })}>
              {COVERS.map((c) => (
                <option key={c} value={c}>
                  {t.covers[c]}
                </option>
              ))}
            </Select>
          ) : (
            <Input aria-label={t.fields[k]} value={entries[k]} inputMode={k === 'id' || k === 'date' ? 'text' : 'decimal'} placeholder={k === 'date' ? 'yyyy-mm-dd' : undefined} onChange={(_, d) => setEntries({ ...entries, [k]: d.value })} />
          )}
        </Field>
      ))}
      <div>
        <Button appearance="primary" disabled={busy || register.nextRow === null} onClick={() => void add()}>
          {t.add}
        </Button>
      </div>
      {register.nextRow === null && <Caption1>{t.full(REGISTER_CAPACITY)}</Caption1>}
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
