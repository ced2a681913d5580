// Summaries of repeated measurements.

const sorted = (values) => [...values].sort((a, b) => a - b);

/** The value below which a share `p` (0..1) of the values lie, by nearest rank. */
export function percentile(values, p) {
  const order = sorted(values);
  return order[Math.min(order.length - 1, Math.max(0, Math.ceil(p * order.length) - 1))];
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values) {
  const order = sorted(values);
  const middle = Math.floor(order.length / 2);
  return order.length % 2 ? order[middle] : (order[middle - 1] + order[middle]) / 2;
}

export function min(values) {
  return values.reduce((a, b) => Math.min(a, b), Infinity);
}
