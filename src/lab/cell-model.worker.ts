/// <reference lib="webworker" />
/** Builds cell models off the main thread, so typing in a big trace never stalls the page. */
import { buildCellModel } from './cell-model.ts';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  self.postMessage({ id, model: buildCellModel(text) });
};
