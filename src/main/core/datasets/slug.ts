/** Dataset ids: readable, URL- and file-name-safe slugs of the dataset's name. */

/** Longest slug before a uniqueness suffix, in characters. */
const MAX_SLUG_LENGTH = 40;

/** `Fashion MNIST (Zalando)` → `fashion-mnist-zalando`; only a–z, 0–9 and single inner dashes; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'dataset';
}

/** The slug of `name`, suffixed `-2`, `-3`, … until it is not in `taken`. */
export function uniqueSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
