/**
 * "Run this after the messages already waiting": a MessageChannel post is a
 * task queued behind the page's messages, so pause and step are handled
 * between two time slices. setTimeout(0) would do the same but is clamped to
 * 4 ms once nested, idling the worker for a third of each 10 ms slice.
 */
export function createDefer(): (task: () => void) => void {
  const channel = new MessageChannel();
  let tasks: (() => void)[] = [];
  channel.port1.onmessage = () => {
    const ready = tasks;
    tasks = [];
    for (const task of ready) task();
  };
  return (task) => {
    tasks.push(task);
    if (tasks.length === 1) channel.port2.postMessage(null);
  };
}
