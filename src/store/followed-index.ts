import { fileIdentity } from './file-identity.js';
import { IndexError } from './open-database.js';
import { PassageStore, type PassageStoreOptions } from './passage-store.js';

/** A store lent to one question; released when the question is done with it. */
export interface StoreLease {
  store: PassageStore;
  release(): void;
}

interface OpenStore {
  store: PassageStore;
  identity: string;
  leases: number;
  retired: boolean;
}

/**
 * The index *file* at a path, followed for as long as the process runs. The README's fix for a damaged
 * index is to delete it and run `npm run ingest`; an open connection would keep reading the deleted file,
 * so before each question the file's identity is compared with the open one's (one stat call) and a new
 * file is opened instead. While the file is missing or holds no index yet (being built), questions get an
 * IndexError saying so. A store that is replaced stays open until the questions using it are done.
 */
export class FollowedIndex {
  private current: OpenStore | null;

  private constructor(
    private readonly dbPath: string,
    private readonly model: string,
    private readonly options: PassageStoreOptions,
    first: OpenStore,
  ) {
    this.current = first;
  }

  /** Opens the index now: a missing or unreadable index stops the caller at start-up. */
  static open(dbPath: string, model: string, options: PassageStoreOptions = {}): FollowedIndex {
    const identity = fileIdentity(dbPath);
    const store = PassageStore.open(dbPath, model, options);
    return new FollowedIndex(dbPath, model, options, {
      store,
      identity: identity ?? '',
      leases: 0,
      retired: false,
    });
  }

  /** The store for the file now at the path, for one question; throws IndexError when there is none. */
  lease(): StoreLease {
    const identity = fileIdentity(this.dbPath);
    if (this.current?.identity !== identity) {
      this.retire();
      if (identity === null) {
        throw new IndexError(
          `There is no index at ${this.dbPath}: it was deleted, and is perhaps being rebuilt. Build it with "npm run ingest".`,
          'missing',
        );
      }
      // Identity first, then open: if the file is replaced in between, the next question opens it again.
      const store = PassageStore.open(this.dbPath, this.model, this.options);
      this.current = { store, identity, leases: 0, retired: false };
    }
    const open = this.current;
    open.leases++;
    let released = false;
    return {
      store: open.store,
      release: () => {
        if (released) return;
        released = true;
        open.leases--;
        if (open.retired && open.leases === 0) open.store.close();
      },
    };
  }

  /** Runs synchronous work on the store of the file now at the path. */
  read<T>(work: (store: PassageStore) => T): T {
    const lease = this.lease();
    try {
      return work(lease.store);
    } finally {
      lease.release();
    }
  }

  private retire(): void {
    const old = this.current;
    this.current = null;
    if (!old) return;
    old.retired = true;
    if (old.leases === 0) old.store.close();
  }

  /** Closes the open store; questions still holding it close it when they finish. */
  close(): void {
    this.retire();
  }
}
