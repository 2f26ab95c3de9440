// Publish/subscribe with an EventEmitter: on() subscribes, the function it
// returns calls off(). emit() calls every listener in turn, synchronously;
// a listener that wants to be slow has to go async itself.
// Run: node hub.js
const { EventEmitter } = require("node:events");

class Hub {
  #emitter = new EventEmitter();

  subscribe(onMessage) {
    this.#emitter.on("message", onMessage);
    return () => this.#emitter.off("message", onMessage); // safe to call twice
  }

  publish(msg) {
    const listeners = this.#emitter.listenerCount("message");
    this.#emitter.emit("message", msg);
    return listeners;
  }
}

const hub = new Hub();
const unsubscribeLog = hub.subscribe((msg) => console.log(`log: ${msg}`));
const unsubscribeAudit = hub.subscribe((msg) => {
  setTimeout(() => console.log(`audit (later): ${msg}`), 10); // slow, so it defers the work
});

console.log(`delivered to ${hub.publish("deploy started")}`);
unsubscribeLog();
unsubscribeLog();
console.log(`delivered to ${hub.publish("deploy finished")}`);
setTimeout(unsubscribeAudit, 50);
