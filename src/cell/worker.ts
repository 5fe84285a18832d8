/// <reference lib="webworker" />
/**
 * Builds cell models off the main thread, so typing in a big trace never stalls the page. The
 * worker keeps each cell's latest model: the page gets only the view (the parse stays here and
 * answers hovers), and chart data that did not change is not sent again.
 */
import { explainAt } from '../gctrace/index.ts';
import { buildCellModelOrReason, cellView, type CellModel } from './model.ts';
import type { CellWorkerRequest, CellWorkerResponse } from './protocol.ts';
import { packChartCycles, packedBuffers } from '../charts/packed-cycles.ts';

const models = new Map<string, CellModel>();

function reply(message: CellWorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = (event: MessageEvent<CellWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'build') {
    const previous = models.get(request.cell);
    const built = buildCellModelOrReason(request.text, undefined, previous);
    if ('reason' in built) {
      models.delete(request.cell);
      reply({ type: 'failed', cell: request.cell, id: request.id, message: built.reason });
      return;
    }
    const model = built.model;
    models.set(request.cell, model);
    const view = cellView(model);
    const chartCyclesUnchanged =
      previous !== undefined && previous.chartCycles === model.chartCycles;
    const chartCycles = chartCyclesUnchanged ? null : packChartCycles(model.chartCycles);
    reply(
      { type: 'built', cell: request.cell, id: request.id, view: { ...view, chartCycles } },
      chartCycles ? packedBuffers(chartCycles) : [],
    );
  } else if (request.type === 'explain') {
    const model = models.get(request.cell);
    reply({
      type: 'explained',
      cell: request.cell,
      id: request.id,
      explanation: model
        ? explainAt(model.parsed, request.line, request.column, request.options)
        : null,
    });
  } else {
    models.delete(request.cell);
  }
};
