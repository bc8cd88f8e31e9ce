/**
 * The desktop app's file dialogs: where exports are saved and what is imported is chosen by the person in a
 * native dialog opened here, in main, so no path ever comes from the renderer.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { HostFiles } from '../../core/lab/host-files';

const parentWindow = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

export function createFileDialogs(): HostFiles {
  return {
    async save(fileName, bytes) {
      const options: SaveDialogOptions = { title: `Save ${fileName}`, defaultPath: fileName, filters: [{ name: 'Zip archive', extensions: ['zip'] }] };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, bytes);
      return result.filePath;
    },
    async chooseImport() {
      // Linux and Windows cannot offer files and folders in one dialog: there the person picks the folder.
      const options: OpenDialogOptions = {
        title: 'Import an IDX dataset: the folder holding its four files',
        properties: process.platform === 'darwin' ? ['openDirectory', 'openFile', 'multiSelections'] : ['openDirectory'],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
  };
}
