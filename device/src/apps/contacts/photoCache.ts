import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';

/** Thumbnails as object URLs, fetched once per person and only when a row asks for one. */
export class PhotoCache {
  readonly #urls = new Map<string, Promise<string | undefined>>();
  readonly #ready = new Map<string, string>();

  constructor(private readonly api: EngineRemote<ContactsAppApi>) {}

  get(personId: string): Promise<string | undefined> {
    let url = this.#urls.get(personId);
    if (url === undefined) {
      url = this.api
        .thumbnail(personId)
        .then((blob) =>
          blob === undefined
            ? undefined
            : URL.createObjectURL(new Blob([blob.bytes as BlobPart], { type: blob.mediaType })),
        );
      url.then(
        (ready) => {
          if (ready !== undefined) this.#ready.set(personId, ready);
        },
        () => this.#urls.delete(personId),
      );
      this.#urls.set(personId, url);
    }
    return url;
  }

  /** The URL if it is already here, without waiting. */
  peek(personId: string): string | undefined {
    return this.#ready.get(personId);
  }

  /** A person's photo may have changed: fetch it again next time. */
  forget(personId: string): void {
    this.#urls.delete(personId);
    this.#ready.delete(personId);
  }
}
