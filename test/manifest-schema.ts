/**
 * The add-in only (XML) manifest's content model for a task pane add-in, as data: for each element
 * we use, its children in the order the schema requires, with how often each may occur. Office
 * validates a manifest against Microsoft's XSDs ([MS-OWEMXML]) and refuses one whose elements are
 * out of order or under the wrong parent; no npm package ships those XSDs and the public copies
 * predate the shared runtime (TOOLING-FACTS.md), so the model is written out here from
 * Microsoft's reference pages:
 *   - order: "How to find the proper order of manifest elements" (office-js-docs-pr,
 *     docs/develop/manifest-element-ordering.md, 2026-07-15): "Basic task pane add-in element
 *     ordering" and "Task pane add-in element ordering within VersionOverrides";
 *   - cardinality and allowed children: the element reference pages (office-js-docs-reference,
 *     docs/manifest/*.md, "Must contain" / "Can contain" / "Child elements"): OfficeApp,
 *     DefaultSettings, Permissions, Hosts, Host, Requirements, Sets, Set, AppDomains,
 *     VersionOverrides 1.0 (task pane), Runtimes, Runtime, AllFormFactors, ExtensionPoint, Script,
 *     Page, Metadata, Namespace, DesktopFormFactor, GetStarted, FunctionFile, OfficeTab, Group,
 *     Control (Button), Supertip, Icon, Action, Resources, Images, Urls, ShortStrings, LongStrings;
 *     and "Required elements by Office Add-in type" (docs/develop/xml-manifest-overview.md).
 * Where the two sources differ the stricter reading is taken and said so below. Elements only
 * mail or content add-ins may have (FormSettings, Rule, RequestedWidth…) are not allowed here; a
 * few task-pane elements we do not use (Dictionary, CustomTab, OfficeMenu, Items…) are listed by
 * name and order but without their own content model, so using one makes the check fail until
 * its model is added from the reference.
 */

export const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  taskpaneOverrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
} as const;

export type Namespace = (typeof NS)[keyof typeof NS];

/** One child position of a sequence: an element (or a choice of elements) and its occurrences. */
export interface ChildRule {
  /** Local names: one element, or several for an xs:choice among them. */
  readonly names: readonly string[];
  readonly ns: Namespace;
  readonly min: number;
  /** Infinity for "unbounded". */
  readonly max: number;
  /** The content model of the child; undefined: no element children allowed (text or empty). */
  readonly model?: string;
  /** Child models by the child's xsi:type (ExtensionPoint, Control, Action). */
  readonly modelByType?: Readonly<Record<string, string>>;
  /** Child models by the child's local name (the members of a choice). */
  readonly modelByName?: Readonly<Record<string, string>>;
  /** Attributes the reference marks required. */
  readonly requiredAttributes?: readonly string[];
}

export interface ContentModel {
  /** The children in schema order (an xs:sequence). */
  readonly sequence: readonly ChildRule[];
}

const one = 1;
const many = Infinity;

const el = (ns: Namespace, name: string, min: number, max: number, more: Partial<ChildRule> = {}): ChildRule => ({ names: [name], ns, min, max, ...more });
const app = (name: string, min: number, max: number, more: Partial<ChildRule> = {}) => el(NS.officeApp, name, min, max, more);
const vo = (name: string, min: number, max: number, more: Partial<ChildRule> = {}) => el(NS.taskpaneOverrides, name, min, max, more);
const bt = (name: string, min: number, max: number, more: Partial<ChildRule> = {}) => el(NS.bt, name, min, max, more);

/** The root: <OfficeApp xsi:type="TaskPaneApp"> in the appforoffice/1.1 namespace. */
export const ROOT = { name: 'OfficeApp', ns: NS.officeApp, type: 'TaskPaneApp', model: 'OfficeApp' } as const;

/** The models, by name. */
export const MODELS: Readonly<Record<string, ContentModel>> = {
  // "Basic task pane add-in element ordering"; required per OfficeApp "Must contain" (TaskPane
  // column). Hosts: OfficeApp lists it under "Can contain", the required-elements table marks it
  // Required for task pane add-ins; the stricter reading (1..1) is taken.
  OfficeApp: {
    sequence: [
      app('Id', one, one),
      app('AlternateId', 0, one),
      app('Version', one, one),
      app('ProviderName', one, one),
      app('DefaultLocale', one, one),
      app('DisplayName', one, one, { model: 'Localized', requiredAttributes: ['DefaultValue'] }),
      app('Description', one, one, { model: 'Localized', requiredAttributes: ['DefaultValue'] }),
      app('IconUrl', 0, one, { model: 'Localized', requiredAttributes: ['DefaultValue'] }),
      app('HighResolutionIconUrl', 0, one, { model: 'Localized', requiredAttributes: ['DefaultValue'] }),
      app('SupportUrl', 0, one, { model: 'Localized', requiredAttributes: ['DefaultValue'] }),
      app('AppDomains', 0, one, { model: 'AppDomains' }),
      app('Hosts', one, one, { model: 'Hosts' }),
      app('Requirements', 0, one, { model: 'Requirements' }),
      app('DefaultSettings', one, one, { model: 'DefaultSettings' }),
      app('Permissions', one, one),
      app('Dictionary', 0, one, { model: 'Unmodelled' }),
      // In its own namespace (the VersionOverrides reference: xmlns taskpaneappversionoverrides for TaskPaneApp).
      vo('VersionOverrides', 0, one, { model: 'VersionOverrides', requiredAttributes: ['xsi:type'] }),
      app('ExtendedOverrides', 0, one, { model: 'Unmodelled' }),
    ],
  },
  /** DisplayName, Description, IconUrl, HighResolutionIconUrl, SupportUrl, SourceLocation: "Can contain Override". */
  Localized: { sequence: [app('Override', 0, many, { requiredAttributes: ['Locale', 'Value'] })] },
  /** AppDomains: one or more AppDomain (the element "can't be empty"). */
  AppDomains: { sequence: [app('AppDomain', one, many)] },
  Hosts: { sequence: [app('Host', one, many, { requiredAttributes: ['Name'] })] },
  Requirements: { sequence: [app('Sets', 0, one, { model: 'Sets' }), app('Methods', 0, one, { model: 'Unmodelled' })] },
  Sets: { sequence: [app('Set', one, many, { requiredAttributes: ['Name'] })] },
  // DefaultSettings "Can contain" for TaskPane: SourceLocation only (RequestedWidth/Height are content add-ins').
  DefaultSettings: { sequence: [app('SourceLocation', one, one, { model: 'Localized', requiredAttributes: ['DefaultValue'] })] },

  // "Task pane add-in element ordering within VersionOverrides". The ordering page puts
  // WebApplicationInfo before EquivalentAddins (the VersionOverrides 1.0 table lists them the
  // other way round, but a table is no ordering); the nested VersionOverrides is "not currently
  // usable" for task pane add-ins, so it is not allowed.
  VersionOverrides: {
    sequence: [
      vo('Description', 0, one, { requiredAttributes: ['resid'] }),
      vo('Requirements', 0, one, { model: 'OverrideRequirements' }),
      vo('Hosts', 0, one, { model: 'OverrideHosts' }),
      vo('Resources', 0, one, { model: 'Resources' }),
      vo('WebApplicationInfo', 0, one, { model: 'Unmodelled' }),
      vo('EquivalentAddins', 0, one, { model: 'Unmodelled' }),
    ],
  },
  OverrideRequirements: { sequence: [bt('Sets', 0, one, { model: 'OverrideSets' }), bt('Methods', 0, one, { model: 'Unmodelled' })] },
  OverrideSets: { sequence: [bt('Set', one, many, { requiredAttributes: ['Name'] })] },
  OverrideHosts: { sequence: [vo('Host', one, many, { model: 'OverrideHost', requiredAttributes: ['xsi:type'] })] },
  // Host (VersionOverrides node): Runtimes, AllFormFactors, DesktopFormFactor in that order (the
  // ordering page; the shared-runtime article: "<Runtimes> ... must be entered after the <Host>
  // element in the exact order shown"). DesktopFormFactor is Required per the Host reference;
  // MobileFormFactor is Outlook's only.
  OverrideHost: {
    sequence: [
      vo('Runtimes', 0, one, { model: 'Runtimes' }),
      vo('AllFormFactors', 0, one, { model: 'AllFormFactors' }),
      vo('DesktopFormFactor', one, one, { model: 'DesktopFormFactor' }),
    ],
  },
  // "At present, you can only define one <Runtime> element."
  Runtimes: { sequence: [vo('Runtime', one, one, { model: 'Runtime', requiredAttributes: ['resid'] })] },
  Runtime: { sequence: [vo('Override', 0, one, { requiredAttributes: ['type', 'resid'] })] },
  AllFormFactors: {
    sequence: [vo('ExtensionPoint', one, many, { modelByType: { CustomFunctions: 'CustomFunctions' }, requiredAttributes: ['xsi:type'] })],
  },
  // ExtensionPoint (CustomFunctions): Script, Page, MetaData required; Namespace optional.
  CustomFunctions: {
    sequence: [
      vo('Script', one, one, { model: 'ResidLocation' }),
      vo('Page', one, one, { model: 'ResidLocation' }),
      vo('Metadata', one, one, { model: 'ResidLocation' }),
      vo('Namespace', 0, one, { requiredAttributes: ['resid'] }),
    ],
  },
  ResidLocation: { sequence: [vo('SourceLocation', one, one, { requiredAttributes: ['resid'] })] },
  // DesktopFormFactor: GetStarted, FunctionFile, ExtensionPoint (the ordering page; the reference's
  // table lists ExtensionPoint first, its example FunctionFile first, neither as an ordering).
  DesktopFormFactor: {
    sequence: [
      vo('GetStarted', 0, one, { model: 'GetStarted' }),
      vo('FunctionFile', 0, one, { requiredAttributes: ['resid'] }),
      vo('ExtensionPoint', one, many, {
        modelByType: { PrimaryCommandSurface: 'PrimaryCommandSurface', ContextMenu: 'ContextMenu' },
        requiredAttributes: ['xsi:type'],
      }),
    ],
  },
  GetStarted: {
    sequence: [
      vo('Title', one, one, { requiredAttributes: ['resid'] }),
      vo('Description', one, one, { requiredAttributes: ['resid'] }),
      vo('LearnMoreUrl', one, one, { requiredAttributes: ['resid'] }),
    ],
  },
  // "If you use the <CustomTab> element, you can't use the <OfficeTab> element": a choice.
  PrimaryCommandSurface: {
    sequence: [
      { names: ['OfficeTab', 'CustomTab'], ns: NS.taskpaneOverrides, min: one, max: one, modelByName: { OfficeTab: 'OfficeTab', CustomTab: 'Unmodelled' }, requiredAttributes: ['id'] },
    ],
  },
  ContextMenu: { sequence: [vo('OfficeMenu', one, one, { model: 'Unmodelled', requiredAttributes: ['id'] })] },
  OfficeTab: { sequence: [vo('Group', one, many, { model: 'Group', requiredAttributes: ['id'] })] },
  // Group: Label and Icon required, Control zero or more; OverriddenByRibbonApi, if used, first.
  Group: {
    sequence: [
      vo('OverriddenByRibbonApi', 0, one),
      vo('Label', one, one, { requiredAttributes: ['resid'] }),
      vo('Icon', one, one, { model: 'Icon' }),
      vo('Control', 0, many, { modelByType: { Button: 'Button', Menu: 'Unmodelled' }, requiredAttributes: ['xsi:type', 'id'] }),
    ],
  },
  // Icon: "Each icon must have three <Image> elements, one for each of the three mandatory sizes".
  Icon: { sequence: [bt('Image', 3, many, { requiredAttributes: ['size', 'resid'] })] },
  // Control (Button): Label, Supertip, Icon, Action required ("There can be only one <Action>"), Enabled optional.
  Button: {
    sequence: [
      vo('OverriddenByRibbonApi', 0, one),
      vo('Label', one, one, { requiredAttributes: ['resid'] }),
      vo('Supertip', one, one, { model: 'Supertip' }),
      vo('Icon', one, one, { model: 'Icon' }),
      vo('Action', one, one, { modelByType: { ShowTaskpane: 'ShowTaskpane', ExecuteFunction: 'ExecuteFunction' }, requiredAttributes: ['xsi:type'] }),
      vo('Enabled', 0, one),
    ],
  },
  Supertip: {
    sequence: [vo('Title', one, one, { requiredAttributes: ['resid'] }), vo('Description', one, one, { requiredAttributes: ['resid'] })],
  },
  ShowTaskpane: {
    sequence: [vo('TaskpaneId', 0, one), vo('SourceLocation', one, one, { requiredAttributes: ['resid'] }), vo('Title', 0, one, { requiredAttributes: ['resid'] })],
  },
  ExecuteFunction: { sequence: [vo('FunctionName', one, one)] },
  // Resources (officeappbasictypes children): Images, Urls, ShortStrings, LongStrings.
  Resources: {
    sequence: [
      bt('Images', 0, one, { model: 'Images' }),
      bt('Urls', 0, one, { model: 'Urls' }),
      bt('ShortStrings', 0, one, { model: 'Strings' }),
      bt('LongStrings', 0, one, { model: 'Strings' }),
    ],
  },
  Images: { sequence: [bt('Image', one, many, { model: 'ResourceOverrides', requiredAttributes: ['id', 'DefaultValue'] })] },
  Urls: { sequence: [bt('Url', one, many, { model: 'ResourceOverrides', requiredAttributes: ['id', 'DefaultValue'] })] },
  Strings: { sequence: [bt('String', one, many, { model: 'ResourceOverrides', requiredAttributes: ['id', 'DefaultValue'] })] },
  ResourceOverrides: { sequence: [bt('Override', 0, many, { requiredAttributes: ['Locale', 'Value'] })] },
  /** An element allowed by the reference whose own content model is not written out here. */
  Unmodelled: { sequence: [] },
};

/** Elements whose content is refused when present, because their model is not written out. */
export const UNMODELLED = 'Unmodelled';
