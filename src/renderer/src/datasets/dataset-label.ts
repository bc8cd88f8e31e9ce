/** How a dataset is named in a select: its name and split sizes, without repeating sizes the name already states. */
import type { DatasetInfo } from '@shared/dataset-types';

export function datasetLabel(d: Pick<DatasetInfo, 'name' | 'trainSize' | 'testSize'>): string {
  const train = d.trainSize.toLocaleString('en-US');
  const test = d.testSize.toLocaleString('en-US');
  return d.name.includes(train) && d.name.includes(test) ? d.name : `${d.name} (${train} train / ${test} test)`;
}
