/**
 * The grid's and the sheet tabs' context menus (a Fluent menu opened at the pointer), and the
 * sheet dialogs: rename, and delete with confirmation.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  type PositioningVirtualElement,
} from '@fluentui/react-components';
import { Fragment, useEffect, useMemo, useState } from 'react';
import type { WorkbenchText } from './uiText';

export interface MenuItemSpec {
  readonly id: string;
  readonly label: string;
  readonly shortcut?: string;
  readonly disabled?: boolean;
  /** A line above the item. */
  readonly divider?: boolean;
  readonly run: () => unknown;
}

export function GridMenu({ menu, onClose }: { menu: { x: number; y: number; items: MenuItemSpec[] } | null; onClose: () => void }) {
  const target = useMemo<PositioningVirtualElement | undefined>(
    () => (menu ? { getBoundingClientRect: () => ({ x: menu.x, y: menu.y, left: menu.x, top: menu.y, right: menu.x, bottom: menu.y, width: 0, height: 0 }) } : undefined),
    [menu],
  );
  if (!menu) return null;
  return (
    <Menu open positioning={{ target, position: 'below', align: 'start' }} onOpenChange={(_, d) => !d.open && onClose()}>
      <MenuPopover>
        <MenuList>
          {menu.items.map((item) => (
            <Fragment key={item.id}>
              {item.divider && <MenuDivider />}
              <MenuItem
                disabled={item.disabled}
                secondaryContent={item.shortcut}
                onClick={() => {
                  onClose();
                  item.run();
                }}
              >
                {item.label}
              </MenuItem>
            </Fragment>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export type SheetDialogState = { readonly kind: 'rename' | 'delete'; readonly sheet: string };

export interface SheetDialogsProps {
  readonly state: SheetDialogState | null;
  readonly text: WorkbenchText;
  readonly onClose: () => void;
  /** Returns an error message to show, or undefined when renamed. */
  readonly onRename: (from: string, to: string) => string | undefined;
  readonly onDelete: (name: string) => void;
}

export function SheetDialogs({ state: asked, text, onClose, onRename, onDelete }: SheetDialogsProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  // The last dialog asked for stays rendered while it closes (see UnsavedDialog).
  const [last, setLast] = useState<SheetDialogState | null>(null);
  useEffect(() => {
    if (asked) setLast(asked);
    setName(asked?.sheet ?? '');
    setError(undefined);
  }, [asked]);
  const open = asked !== null;
  const state = asked ?? last;
  if (!state) return null;
  if (state.kind === 'rename') {
    const submit = () => {
      try {
        const problem = onRename(state.sheet, name);
        if (problem) setError(problem);
        else onClose();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    };
    return (
      <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{text.renameTitle}</DialogTitle>
            <DialogContent>
              <Field label={text.sheetName} validationMessage={error} validationState={error ? 'error' : 'none'}>
                <Input
                  value={name}
                  autoFocus
                  onChange={(_, d) => setName(d.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') submit();
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={submit}>
                {text.ok}
              </Button>
              <Button onClick={onClose}>{text.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{text.deleteSheetTitle(state.sheet)}</DialogTitle>
          <DialogContent>
            {text.deleteSheetBody}
            {error && <div role="alert">{error}</div>}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                try {
                  onDelete(state.sheet);
                  onClose();
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                }
              }}
            >
              {text.deleteSheet}
            </Button>
            <Button onClick={onClose}>{text.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The confirmation before New or Open replaces a workbook with unsaved changes. */
export function UnsavedDialog({ open, text, onDiscard, onSave, onCancel }: { open: boolean; text: WorkbenchText; onDiscard: () => void; onSave: () => void; onCancel: () => void }) {
  // Kept mounted and closed through `open`: unmounting an open Fluent dialog leaves the page aria-hidden.
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{text.unsavedTitle}</DialogTitle>
          <DialogContent>{text.unsavedBody}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onSave}>
              {text.saveFirst}
            </Button>
            <Button onClick={onDiscard}>{text.discard}</Button>
            <Button onClick={onCancel}>{text.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * What saving cannot keep of the opened file (src/workbench/xlsxWarnings.ts), shown before the
 * file is written: save anyway, save as a copy (the same bytes under another name, so the original
 * stays as it was), or cancel.
 */
export function SaveWarningsDialog({
  warnings,
  language,
  text,
  onSaveAnyway,
  onSaveCopy,
  onCancel,
}: {
  warnings: ReadonlyArray<{ readonly en: string; readonly zh: string }> | null;
  language: 'en' | 'zh';
  text: WorkbenchText;
  onSaveAnyway: () => void;
  onSaveCopy: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={warnings !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{text.saveWarningsTitle}</DialogTitle>
          <DialogContent>
            {text.saveWarningsBody}
            <ul data-testid="save-warnings">
              {(warnings ?? []).map((w, i) => (
                <li key={i}>{w[language]}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onSaveCopy}>
              {text.saveAsCopy}
            </Button>
            <Button onClick={onSaveAnyway}>{text.saveAnyway}</Button>
            <Button onClick={onCancel}>{text.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
