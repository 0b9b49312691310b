import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';

/**
 * Thumbnails as object URLs, fetched once per person and photo (its blob id: a new photo is fetched
 * anew) and only when a row asks for one.
 */
export class PhotoCache {
  readonly #urls = new Map<string, Promise<string | undefined>>();
  readonly #ready = new Map<string, string>();

  constructor(private readonly api: EngineRemote<ContactsAppApi>) {}

  get(personId: string, photoId = ''): Promise<string | undefined> {
    const key = `${personId}\u0000${photoId}`;
    let url = this.#urls.get(key);
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
          if (ready !== undefined) this.#ready.set(key, ready);
        },
        () => this.#urls.delete(key),
      );
      this.#urls.set(key, url);
    }
    return url;
  }

  /** The URL if it is already here, without waiting. */
  peek(personId: string, photoId = ''): string | undefined {
    return this.#ready.get(`${personId}\u0000${photoId}`);
  }
}
