import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LabInfo } from '@shared/contract';
import { labApi } from '@renderer/api';
import { useRequestState } from './request-state';

/** The lab itself: version, backend, host. */
export const useLabStore = defineStore('lab', () => {
  const { loading, error, track } = useRequestState();
  const info = ref<LabInfo | null>(null);

  async function load(): Promise<void> {
    const result = await track(() => labApi().lab.info());
    if (result) info.value = result;
  }

  return { info, loading, error, load };
});
