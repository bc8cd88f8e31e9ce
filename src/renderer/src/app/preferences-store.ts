import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { DEFAULT_CURVE_VIEW, type CurveView } from '@renderer/charts/curve-view';
import { readStored, writeStored } from './local-storage';

/** `system` follows the operating system's `prefers-color-scheme`; the others override it. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const THEME_KEY = 'loss-lab.theme';
const CURVE_VIEW_KEY = 'loss-lab.curve-view';

function isThemeChoice(v: unknown): v is ThemeChoice {
  return v === 'system' || v === 'light' || v === 'dark';
}

function isCurveView(v: unknown): v is CurveView {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (r.scale === 'linear' || r.scale === 'log') && typeof r.normalise === 'boolean' && typeof r.smoothing === 'number';
}

/** What a person chose to see, kept across reloads in localStorage: colour theme and how loss curves are drawn. */
export const usePreferencesStore = defineStore('preferences', () => {
  const themeChoice = ref<ThemeChoice>(readStored(THEME_KEY, isThemeChoice) ?? 'system');
  const curveView = ref<CurveView>(readStored(CURVE_VIEW_KEY, isCurveView) ?? { ...DEFAULT_CURVE_VIEW });

  const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const systemDark = ref(media?.matches ?? false);
  media?.addEventListener('change', (e) => (systemDark.value = e.matches));

  const theme = computed<Theme>(() => (themeChoice.value === 'system' ? (systemDark.value ? 'dark' : 'light') : themeChoice.value));

  /** Light → dark → system → light; the toggle's one button. */
  function cycleTheme(): void {
    themeChoice.value = themeChoice.value === 'light' ? 'dark' : themeChoice.value === 'dark' ? 'system' : 'light';
  }

  watch(themeChoice, (v) => writeStored(THEME_KEY, v));
  watch(curveView, (v) => writeStored(CURVE_VIEW_KEY, v), { deep: true });

  return { themeChoice, theme, curveView, cycleTheme };
});
