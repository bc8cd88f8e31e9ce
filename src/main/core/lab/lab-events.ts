import type { EventName, Events } from '../../../shared/contract';
import type { EventListener } from './lab-types';

export interface LabEvents {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  subscribe(listener: EventListener): () => void;
}

/** A tiny typed fan-out: a listener that throws cannot stop the others or the training that emitted. */
export function createLabEvents(onListenerError: (error: unknown) => void = () => {}): LabEvents {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
