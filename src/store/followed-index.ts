import { fileIdentity } from './file-identity.js';
import { IndexError } from './open-database.js';
import { SqlitePassageStore, type PassageStore, type PassageStoreOptions } from './passage-store.js';

/** The file's identity; a file this process may no longer even look at is an index problem too. */
function identityOf(dbPath: string): string | null {
  try {
    return fileIdentity(dbPath);
  } catch (error) {
    throw new IndexError(`Cannot read the index file ${dbPath} (${(error as Error).message}).`);
  }
}

/** A store lent to one question; released when the question is done with it. */
export interface StoreLease {
  store: PassageStore;
  release(): void;
}

interface OpenStore {
  store: SqlitePassageStore;
  identity: string;
  leases: number;
  retired: boolean;
}

/**
 * The index *file* at a path, followed for as long as the process runs. The README's fix for a damaged
 * index is to delete it and run `npm run ingest`; an open connection would keep reading the deleted file,
 * so before each question the file's identity is compared with the open one's (one stat call) and a new
 * file is opened instead. While the file is missing or holds no index yet (being built), the last complete
 * index keeps answering; with none open, questions get an IndexError saying so. A store that is replaced
 * stays open until the questions using it are done.
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
    const store = SqlitePassageStore.open(dbPath, model, options);
    return new FollowedIndex(dbPath, model, options, {
      store,
      identity: identity ?? '',
      leases: 0,
      retired: false,
    });
  }

  /**
   * The store for the file now at the path, for one question; throws IndexError when there is none. While
   * the file is missing or holds no index yet (deleted, and a new one being built), questions keep getting
   * the last complete index this process opened: the previous index stays queryable until a new one is.
   */
  lease(): StoreLease {
    const identity = identityOf(this.dbPath);
    const open = this.current?.identity === identity ? this.current : this.follow(identity);
    open.leases++;
    let released = false;
    return {
      store: open.store,
      release: () => {
        if (released) return;
        released = true;
        open.leases--;
        if (open.retired && open.leases === 0) void open.store.close();
      },
    };
  }

  /** Runs work on the store of the file now at the path. */
  async read<T>(work: (store: PassageStore) => Promise<T>): Promise<T> {
    const lease = this.lease();
    try {
      return await work(lease.store);
    } finally {
      lease.release();
    }
  }

  /**
   * The store to answer from now that another file (or none) is at the path: the new file's, or the current
   * one while the new file is not (yet) an index. A new file that is damaged or of another model retires the
   * current store, and its error is the answer.
   */
  private follow(identity: string | null): OpenStore {
    try {
      if (identity === null) {
        throw new IndexError(
          `There is no index at ${this.dbPath}: it was deleted, and is perhaps being rebuilt. Build it with "npm run ingest".`,
          'missing',
        );
      }
      // Identity first, then open: if the file is replaced in between, the next question opens it again.
      const store = SqlitePassageStore.open(this.dbPath, this.model, this.options);
      this.retire();
      this.current = { store, identity, leases: 0, retired: false };
      return this.current;
    } catch (error) {
      const notBuiltYet =
        error instanceof IndexError && (error.problem === 'missing' || error.problem === 'not-built');
      if (notBuiltYet && this.current) return this.current;
      this.retire();
      throw error;
    }
  }

  private retire(): void {
    const old = this.current;
    this.current = null;
    if (!old) return;
    old.retired = true;
    if (old.leases === 0) void old.store.close();
  }

  /** Closes the open store; questions still holding it close it when they finish. */
  close(): void {
    this.retire();
  }
}
