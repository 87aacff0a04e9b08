import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2, tokens } from '@fluentui/react-components';
import type { CoverUsage } from '../../engine';
import type { AllocateReading } from '../explain';
import { errorMessage, formatAmount } from '../format';
import { type Language, UI_TEXT } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  cover: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, borderLeft: `2px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  bar: { display: 'grid', gridTemplateColumns: '7em 1fr', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

function Bar({ label, used, limit, language }: { label: string; used: number; limit: number | null; language: Language }) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  return (
    <div className={styles.bar}>
      <Caption1>{label}</Caption1>
      {limit === null ? (
        <Caption1>
          {formatAmount(used, language)} ({text.noLimit})
        </Caption1>
      ) : (
        <div>
          <ProgressBar value={limit === 0 ? 1 : Math.min(1, used / limit)} max={1} color={used >= limit ? 'error' : 'brand'} thickness="large" />
          <Caption1>{text.used(formatAmount(used, language), formatAmount(limit, language))}</Caption1>
        </div>
      )}
    </div>
  );
}

function CoverNode({ cover, language }: { cover: CoverUsage; language: Language }) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  return (
    <div className={styles.cover} style={{ marginLeft: `${cover.depth * 16}px` }} data-cover={cover.id}>
      <Body1>
        <strong>{cover.id}</strong> · {text.deductible} {formatAmount(cover.deductible, language)}
      </Body1>
      <Bar label={`${text.perEvent} (${text.largestEvent})`} used={cover.largestEvent} limit={cover.perEventLimit} language={language} />
      <Bar label={text.aggregate} used={cover.paid} limit={cover.aggregateLimit} language={language} />
      <Caption1>
        {text.remaining}: {cover.aggregateRemaining === null ? text.unlimited : formatAmount(cover.aggregateRemaining, language)} · {text.available}:{' '}
        {cover.available === null ? text.unlimited : formatAmount(cover.available, language)}
      </Caption1>
    </div>
  );
}

/** The limits report of a CYBER.ALLOCATE cell as a tree of covers with used-vs-limit bars. */
export function LimitsView({ reading, language }: { readonly reading: AllocateReading; readonly language: Language }) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  if (!reading.ok) return <Body1>{text.notAllocate}</Body1>;
  const { report } = reading;
  if (!report.ok) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{text.errorTitle(report.error.code)}</MessageBarTitle>
          {errorMessage(report.error.code, report.error.message[language], language)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.root}>
      <Caption1>
        {text.cell}: {reading.address}
      </Caption1>
      <Subtitle2>{text.policy}</Subtitle2>
      <Bar label={text.policyAggregate} used={report.policy.paid} limit={report.policy.aggregateLimit} language={language} />
      <Subtitle2>{text.cover}</Subtitle2>
      {report.covers.map((c) => (
        <CoverNode key={c.id} cover={c} language={language} />
      ))}
    </div>
  );
}
