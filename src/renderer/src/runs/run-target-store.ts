import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RunTargetState } from '@shared/run-target';
import { errorMessage, labApi } from '@renderer/api';
import { useRequestState } from '../app/request-state';

/** Where runs started from the app train: this machine, or a queue of workers (the URL only ever redacted). */
export const useRunTargetStore = defineStore('runTarget', () => {
  const { loading, error, track } = useRequestState();
  const state = ref<RunTargetState | null>(null);
  const saving = ref(false);
  /** Why the last save was refused (no password, queue unreachable); the target did not change. */
  const saveError = ref<string | null>(null);

  async function load(): Promise<void> {
    const current = await track(() => labApi().runTarget.get());
    if (current) state.value = current;
  }

  /** Switches; true when saved. A queue is connected first, so an unreachable one leaves the target as it was. */
  async function save(target: RunTargetState['target'], url: string | null): Promise<boolean> {
    saving.value = true;
    saveError.value = null;
    try {
      state.value = await labApi().runTarget.set({ target, url });
      return true;
    } catch (e) {
      saveError.value = errorMessage(e);
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** "this machine" or "queue redis://:***@host:port". */
  const label = computed(() => (state.value?.target === 'queue' ? `queue ${state.value.url ?? ''}` : 'this machine'));

  return { state, loading, error, saving, saveError, label, load, save };
});
