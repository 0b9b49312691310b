import type { FacebookApi, FacebookPhoto, SyncToClientRequest, SyncToClientResponse } from '../wireFormat';

/**
 * A FacebookApi in front of a server that lets a test rewrite answers (a malformed page, a broken
 * picture) the way a faulty network or a buggy server would.
 */
export class TamperingApi implements FacebookApi {
  tamperPage?: (page: SyncToClientResponse, request: SyncToClientRequest) => unknown;
  tamperPhoto?: (photoId: string, photo: FacebookPhoto) => unknown;

  constructor(private readonly inner: FacebookApi) {}

  async syncToClient(request: SyncToClientRequest): Promise<SyncToClientResponse> {
    const page = await this.inner.syncToClient(request);
    return (
      this.tamperPage === undefined ? page : this.tamperPage(structuredClone(page), request)
    ) as SyncToClientResponse;
  }

  async fetchPhoto(photoId: string): Promise<FacebookPhoto> {
    const photo = await this.inner.fetchPhoto(photoId);
    return (this.tamperPhoto === undefined ? photo : this.tamperPhoto(photoId, photo)) as FacebookPhoto;
  }
}
