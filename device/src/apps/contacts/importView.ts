import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, ImportReport } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import { viewBar } from '../../ui/viewBar';

/** Import a .vcf (file picker or drag-and-drop) with a progress bar and a per-card error report; export. */
export class ImportView {
  readonly element: HTMLElement;
  readonly #progress: HTMLProgressElement;
  readonly #progressText: HTMLElement;
  readonly #report: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #drop: HTMLElement;
  #busy = false;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    back: () => void,
  ) {
    this.#input = h('input', {
      attrs: { type: 'file', accept: '.vcf,.vcard,text/vcard,text/x-vcard', id: 'vcf-file' },
      on: {
        change: () => {
          const file = this.#input.files?.[0];
          if (file !== undefined) void this.#import(file);
        },
      },
    });
    this.#drop = h(
      'div',
      {
        class: 'drop-zone',
        attrs: { 'data-testid': 'drop-zone', 'aria-label': 'Drop a .vcf file here' },
        on: {
          dragover: (event) => {
            event.preventDefault();
            this.#drop.classList.add('over');
          },
          dragleave: () => this.#drop.classList.remove('over'),
          drop: (event) => {
            event.preventDefault();
            this.#drop.classList.remove('over');
            const file = event.dataTransfer?.files[0];
            if (file !== undefined) void this.#import(file);
          },
        },
      },
      'Drop a .vcf file here',
    );
    this.#progress = h('progress', { attrs: { max: 1, value: 0, 'aria-label': 'Import progress' } });
    this.#progress.hidden = true;
    this.#progressText = h('p', { class: 'progress-text', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.#report = h('div', { class: 'import-report' });
    const exportStatus = h('p', { class: 'hint', attrs: { role: 'status' } });
    const exportButton = h(
      'button',
      {
        attrs: { type: 'button' },
        on: {
          click: () => void this.#export(exportStatus),
        },
      },
      'Export all to .vcf',
    );
    this.element = h(
      'section',
      { class: 'import-view', attrs: { 'aria-label': 'Import and export' } },
      viewBar('Back to the list', back, h('h2', { class: 'view-title' }, 'Import & export')),
      h('h3', {}, 'Import a vCard file'),
      h(
        'div',
        { class: 'form-field' },
        h('label', { attrs: { for: 'vcf-file' } }, 'Choose a .vcf file'),
        this.#input,
      ),
      this.#drop,
      this.#progress,
      this.#progressText,
      this.#report,
      h('h3', {}, 'Export'),
      h(
        'p',
        { class: 'hint' },
        'Writes every contact as vCard 4.0. Facebook data stays on the phone: it is left out.',
      ),
      exportButton,
      exportStatus,
    );
  }

  async #import(file: File): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#progress.hidden = false;
    this.#progress.value = 0;
    this.#progressText.textContent = `Reading ${file.name}…`;
    replaceChildren(this.#report);
    try {
      // The File itself, not its bytes: it crosses to the provider's worker by reference and is read there
      // a chunk at a time, so no context holds the whole file.
      const report = await this.api.importVcf(file.name, file, (progress) => {
        this.#progress.max = Math.max(progress.total, 1);
        this.#progress.value = progress.done;
        this.#progressText.textContent = `Imported ${progress.done} of ${progress.total} cards`;
      });
      this.#progress.max = 1;
      this.#progress.value = 1;
      this.#showReport(file.name, report);
    } catch (error) {
      this.#progressText.textContent = `Import failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.#busy = false;
      this.#input.value = '';
    }
  }

  #showReport(name: string, report: ImportReport): void {
    const warned = report.warnings.length === 0 ? '' : `, ${report.warnings.length} with warnings`;
    this.#progressText.textContent = `${name}: ${report.total} cards read, ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.errors.length} with errors${warned}.`;
    const lines = (problems: ImportReport['errors']) =>
      problems.map((e) => h('li', {}, `Line ${e.line}: ${e.message.replace(/^line \d+: /, '')}`));
    const sections: HTMLElement[] = [];
    if (report.errors.length > 0) {
      sections.push(
        h('h4', {}, `Cards not imported (${report.errors.length})`),
        h('ul', { class: 'error-list', attrs: { 'aria-label': 'Import errors' } }, ...lines(report.errors)),
      );
    }
    if (report.warnings.length > 0) {
      sections.push(
        h('h4', {}, `Imported with warnings (${report.warnings.length})`),
        h(
          'ul',
          { class: 'warning-list', attrs: { 'aria-label': 'Import warnings' } },
          ...lines(report.warnings),
        ),
      );
    }
    replaceChildren(this.#report, ...sections);
  }

  async #export(status: HTMLElement): Promise<void> {
    status.textContent = 'Exporting…';
    try {
      const { text, count, leftOut } = await this.api.exportVcf();
      const url = URL.createObjectURL(new Blob([text], { type: 'text/vcard' }));
      const link = h('a', { attrs: { href: url, download: 'contacts.vcf' } });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      status.textContent = `Exported ${count} contacts to contacts.vcf${leftOut > 0 ? ` (${leftOut} known only from Facebook left out)` : ''}.`;
    } catch (error) {
      status.textContent = `Export failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
