import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LabInfo } from '@shared/contract';
import type { Preset } from '@shared/presets';
import { labApi } from '@renderer/api';
import { useRequestState } from './request-state';

/** The lab itself: version, backend, host, and the presets it offers. */
export const useLabStore = defineStore('lab', () => {
  const { loading, error, track } = useRequestState();
  const info = ref<LabInfo | null>(null);
  const presets = ref<Preset[]>([]);

  async function load(): Promise<void> {
    const result = await track(() => labApi().lab.info());
    if (result) info.value = result;
  }

  async function loadPresets(): Promise<void> {
    if (presets.value.length > 0) return;
    const result = await track(() => labApi().presets.list());
    if (result) presets.value = result;
  }

  return { info, presets, loading, error, load, loadPresets };
});
