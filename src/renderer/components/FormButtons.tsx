/**
 * The two buttons under every inline call form: the one that sends (named for what it does) and
 * Cancel, which closes the form without sending anything.
 */
export function FormButtons({ submit, disabled, onCancel }: { submit: string; disabled: boolean; onCancel: () => void }) {
  return (
    <div class="form-actions">
      <button type="submit" class="btn btn-primary" disabled={disabled}>
        {submit}
      </button>
      <button type="button" class="btn" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
