export { checkShipmentLines, type OwedLine, type ShipmentLinesCheck } from './check-shipment-lines.ts';
export { mergeTrackingNumbers, nextShipmentState, type ShipmentState } from './shipment-progress.ts';
