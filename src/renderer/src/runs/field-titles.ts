/** The titles live in src/shared so the command line's help says the same as the form. */
export { FIELD_TITLES } from '@shared/field-titles';
