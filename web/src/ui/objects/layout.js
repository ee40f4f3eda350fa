// Positions for the object graph: frames in the first column, then one
// column per distance from a frame variable; every box has a height known
// from its rows, so arrows can be computed without measuring the DOM.
import { MAX_ROWS } from '../../model/view.js';

export const BOX_W = 190;
export const COL_GAP = 70;
export const ROW_H = 18;
const HEAD_H = 58;             // type line, repr line, size line
const FRAME_HEAD = 26;
const GAP = 14;

/** The rows a box shows: its first references, and how many more there are. */
const boxRows = (refs) => ({ rows: refs.slice(0, MAX_ROWS), more: Math.max(0, refs.length - MAX_ROWS) });

/**
 * @returns {{frames: {f, x, y, h}[], boxes: Map<string, {o, x, y, h, rows, more, garbage}>, width: number, height: number}}
 */
export function layoutGraph(frames, objects) {
  const colX = (d) => 8 + d * (BOX_W + COL_GAP);
  const colY = [];
  const frameBoxes = [];
  let y = 8;
  for (const f of frames) {
    const h = FRAME_HEAD + Math.max(1, f.locals.length + (f.temporaries.length ? 1 : 0)) * ROW_H + 8;
    frameBoxes.push({ f, x: colX(0), y, h });
    y += h + GAP;
  }
  colY[0] = y;
  const boxes = new Map();
  for (const { o, depth, garbage, refs } of objects) {
    const { rows, more } = boxRows(refs);
    const h = HEAD_H + (rows.length + (more ? 1 : 0)) * ROW_H + 6;
    const top = colY[depth] ?? 8;
    boxes.set(o.address, { o, x: colX(depth), y: top, h, rows, more, garbage });
    colY[depth] = top + h + GAP;
  }
  const width = colX(Math.max(1, colY.length)) + 8;
  const height = Math.max(...colY.filter((v) => v !== undefined), 8) + 8;
  return { frames: frameBoxes, boxes, width, height };
}

/** Where an arrow from row `i` of a box (or frame) starts: its right edge. */
export const rowAnchor = (b, i, head) => ({ x: b.x + BOX_W, y: b.y + head + i * ROW_H + ROW_H / 2 });
export const HEADS = { frame: FRAME_HEAD, object: HEAD_H };

/** A cubic path from a row to the left edge of a box (around it when it lies behind). */
export function arrowPath(from, to) {
  const tx = to.x;
  const ty = to.y + 12;
  if (tx > from.x + 10) {
    const dx = Math.max(30, (tx - from.x) / 2);
    return `M${from.x},${from.y} C${from.x + dx},${from.y} ${tx - dx},${ty} ${tx},${ty}`;
  }
  // target in the same or an earlier column: loop out to the right and come back from the left
  const out = from.x + 40;
  return `M${from.x},${from.y} C${out},${from.y} ${out},${Math.min(from.y, ty) - 30} ${(from.x + tx) / 2},${Math.min(from.y, ty) - 30} S${tx - 40},${ty} ${tx},${ty}`;
}
