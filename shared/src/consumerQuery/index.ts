export {
  type CursorSource,
  DENSE_INDEX_ENTRIES,
  type KeySampler,
  nameOrderRanges,
  type RowCursor,
  rareKeys,
  walkIndex,
} from './indexSampling';
export { intersectAscending, WordHaystack } from './wordHaystack';
