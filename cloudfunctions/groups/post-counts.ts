import { COLLECTIONS, _ } from '../_shared/cloud'
import type { Tx } from '../_shared/transaction'

/**
 * Stores `doc` (a comment, a read) and counts it on its post (`commentCount`, `readCount`) in the same
 * transaction `t`: one document, one count, however often the request is retried.
 */
export async function addCountedOnPost(
  t: Tx,
  collection: string,
  doc: { _id: string; postId: string },
  counter: 'commentCount' | 'readCount',
): Promise<void> {
  await t.collection(collection).add({ data: doc })
  await t
    .collection(COLLECTIONS.groupPosts)
    .doc(doc.postId)
    .update({ data: { [counter]: _.inc(1) } })
}
