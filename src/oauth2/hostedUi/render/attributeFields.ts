import { render, type Html } from './html.js';

// Inputs for user attributes (sign-up's and the new-password step's required ones), named `attribute.<name>`.

const PREFIX = 'attribute.';

const INPUT: Record<string, { type: string; autocomplete: string }> = {
  username: { type: 'text', autocomplete: 'username' },
  email: { type: 'email', autocomplete: 'email' },
  phone_number: { type: 'tel', autocomplete: 'tel' },
  given_name: { type: 'text', autocomplete: 'given-name' },
  family_name: { type: 'text', autocomplete: 'family-name' },
  name: { type: 'text', autocomplete: 'name' },
  birthdate: { type: 'text', autocomplete: 'bday' },
};

/** "given_name" → "Given name", "custom:team" → "Team", "phone_number" → "Phone number". */
export function labelOf(name: string): string {
  const words = name.replace(/^custom:/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A labelled input for `attribute` (its type and autocomplete follow from it), posted as `name`. */
export function field(attribute: string, name: string, label: string, value: string): Html {
  const input = INPUT[attribute] ?? { type: 'text', autocomplete: 'off' };
  return render('field', { id: name.replace(/\W/g, '-'), name, label, value, ...input });
}

export function attributeFields(names: string[], form: Record<string, string> = {}): Html[] {
  return names.map((name) => field(name, PREFIX + name, labelOf(name), form[PREFIX + name] ?? ''));
}

/** The attributes a form posted, by attribute name; empty values are left out. */
export function postedAttributes(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form)
      .filter(([name, value]) => name.startsWith(PREFIX) && value !== '')
      .map(([name, value]) => [name.slice(PREFIX.length), value]),
  );
}
