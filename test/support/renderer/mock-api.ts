/** Points the one api module at a fresh fake core before each test; import it first in store tests. */
import { beforeEach, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createFakeLab, type FakeLab } from './fake-api';

export const lab: { current: FakeLab } = { current: createFakeLab() };

vi.mock('../../../src/renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/renderer/src/api')>()),
  labApi: () => lab.current.api,
}));

beforeEach(() => {
  lab.current = createFakeLab();
  setActivePinia(createPinia());
});
