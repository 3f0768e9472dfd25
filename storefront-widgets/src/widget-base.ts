import { apiConfig, blobUrl, callApi, type ApiConfig } from './api-client.ts';
import { h } from './dom.ts';
import { translator, type Translate } from './i18n.ts';
import { STYLES } from './styles.ts';
import type { CustomerFile, CustomerOrder } from './types.ts';

/**
 * What every Pressline widget shares: a shadow root with the themeable styles, its API
 * configuration from its attributes, translated words, and a safe way to show errors.
 */
export abstract class PresslineWidget extends HTMLElement {
  protected root!: ShadowRoot;
  protected api!: ApiConfig;
  protected t!: Translate;

  connectedCallback(): void {
    if (!this.root) {
      this.root = this.attachShadow({ mode: 'open' });
      this.api = apiConfig(this);
      this.t = translator(this);
    }
    this.show(h('p', { class: 'muted' }, this.t('loading')));
    this.load().catch((error: unknown) => this.fail(error));
  }

  protected abstract load(): Promise<void>;

  protected show(...content: Node[]): void {
    const style = document.createElement('style');
    style.textContent = STYLES;
    this.root.replaceChildren(style, ...content);
  }

  protected fail(error: unknown): void {
    this.show(this.errorLine(error));
  }

  protected errorLine(error: unknown): HTMLElement {
    return h('p', { class: 'error', role: 'alert' }, this.t('error', { m: error instanceof Error ? error.message : String(error) }));
  }

  protected call<T>(path: string, init?: RequestInit): Promise<T> {
    return callApi<T>(this.api, path, init);
  }

  protected postJson<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  /**
   * The orders this widget is about: one (`data-order`, Pressline's id, or
   * `data-external-order`, the platform's) or all of the customer's.
   */
  protected async orders(): Promise<CustomerOrder[]> {
    const { order: id, externalOrder } = this.dataset;
    if (id) return [(await this.call<{ order: CustomerOrder }>(`orders/${encodeURIComponent(id)}`)).order];
    return (await this.call<{ orders: CustomerOrder[] }>(`orders${externalOrder ? `?externalId=${encodeURIComponent(externalOrder)}` : ''}`)).orders;
  }

  /** A file's PNG preview (drawn by Pressline's preflight, never the uploaded file itself). */
  protected thumbnail(file: CustomerFile): HTMLElement | null {
    if (!file.thumbnailUrl) return null;
    const img = h('img', { class: 'thumb', alt: file.name, title: file.name });
    blobUrl(this.api, file.thumbnailUrl).then(
      (url) => {
        // Drawn once; the blob is not needed after that.
        img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
        img.setAttribute('src', url);
      },
      () => img.remove(),
    );
    return img;
  }
}
