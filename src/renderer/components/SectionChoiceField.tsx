/**
 * A provider setting that is one of a fixed list (RingCentral's server: its production server or the
 * brand partners' .biz server), as a select saved when chosen. Free addresses are never offered: main
 * refuses them (src/shared/provider-settings.ts). Must not offer a value the provider's field does not
 * list, nor keep a draft: the saved setting is what it shows.
 */
import { useId } from 'preact/hooks';
import type { ProviderSettingOption } from '../../shared/providers';
import { FieldError } from './FieldError';
import { sectionPatch, sectionValue } from './provider-section';
import { useSettingsSave } from './use-settings-save';

export interface SectionChoiceFieldProps {
  provider: string;
  field: { key: string; label: string; hint?: string; options: readonly ProviderSettingOption[] };
}

export function SectionChoiceField({ provider, field }: SectionChoiceFieldProps) {
  const selectId = useId();
  const hintId = useId();
  const { save, error } = useSettingsSave();
  const saved = sectionValue(provider, field.key);
  return (
    <div class="field">
      <label for={selectId}>{field.label}</label>
      <select
        id={selectId}
        value={saved}
        aria-describedby={field.hint ? hintId : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => void save(sectionPatch(provider, field.key, event.currentTarget.value))}
      >
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {field.hint && (
        <p class="field-hint" id={hintId}>
          {field.hint}
        </p>
      )}
      <FieldError error={error} />
    </div>
  );
}
