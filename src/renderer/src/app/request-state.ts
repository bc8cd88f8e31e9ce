/** Loading and error state every store exposes, and the one way its requests run. */
import { ref } from 'vue';
import { errorMessage } from '@renderer/api';

export function useRequestState() {
  /** Requests in flight; `loading` is true while any is. */
  const pending = ref(0);
  const loading = ref(false);
  /** Message of the last failed request, cleared when the next one starts. */
  const error = ref<string | null>(null);

  /** Runs `request`, recording loading and error; resolves to undefined when it fails (the error is kept). */
  async function track<T>(request: () => Promise<T>): Promise<T | undefined> {
    pending.value++;
    loading.value = true;
    error.value = null;
    try {
      return await request();
    } catch (e) {
      error.value = errorMessage(e);
      return undefined;
    } finally {
      pending.value--;
      loading.value = pending.value > 0;
    }
  }

  return { loading, error, track };
}
