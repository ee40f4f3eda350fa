// The snapshot shape, typed once for the page (the full description is
// core/snapshot.schema.json; this file only names what the page reads).

/**
 * @typedef {{to: string, via: string}} Ref
 * @typedef {{address: string, type: string, size: number, region: 'static'|'pymalloc'|'heap',
 *   block: number|null, refcount: number, generation: number|string|null, reachable: boolean,
 *   repr: string, refs: Ref[], weakrefs?: string[], referent?: string|null, born?: number|null}} SnapObject
 * @typedef {{arena: number, index: number, address: string, size_class: number, block: number,
 *   state: 'used'|'full'|'empty', used: number, free: number, untouched: number, capacity: number}} Pool
 * @typedef {{index: number, address: string, first_pool: string, pools: number, free_pools: number,
 *   touched_pools: number}} Arena
 * @typedef {{address: string, size: number, used: boolean,
 *   owner: null|{arena?: number, object?: string, what?: string}}} HeapChunk
 * @typedef {{enabled: boolean, counts: number[], thresholds: number[],
 *   stats: {collections: number, collected: number, uncollectable: number}[], frozen: number,
 *   phase: string|null, unreachable: string[]}} GcState
 * @typedef {{function: string, line: number, address: string, bytes: number,
 *   locals: {name: string, address: string, kind: string}[], temporaries: string[]}} Frame
 * @typedef {{heap: {base: string, break: string, limit: number, used: number, free: number},
 *   objects: SnapObject[], unreachable: string[], arenas: Arena[], pools: Pool[],
 *   heap_chunks: HeapChunk[], free_lists: Object<string, number|number[]>, gc: GcState,
 *   stack: {chunks: {address: string, size: number, used: number}[], frames: Frame[]}}} Snapshot
 * @typedef {{step: number, line: number, kind: string, narration: string}} StepInfo
 * @typedef {{step: number, objects: number, pymalloc_bytes: number, heap_bytes: number,
 *   collections: number}} TimelinePoint
 * @typedef {{generation: number, start: number, end: number, collected: number,
 *   uncollectable: number, automatic: boolean}} GcLogEntry
 * @typedef {{step: number, steps: number, line_steps: number, at: StepInfo, stdout: string,
 *   stderr: string, timeline: TimelinePoint[], gc_log?: GcLogEntry[], memory: Snapshot|null}} Trace
 */
export {};
