/**
 * The buttons under every inline form: the one that sends (named for what it does) and, when the form
 * can be closed, Cancel, which closes it without sending anything.
 */
export function FormButtons({ submit, disabled, onCancel }: { submit: string; disabled: boolean; onCancel?: () => void }) {
  return (
    <div class="form-actions">
      <button type="submit" class="btn btn-primary" disabled={disabled}>
        {submit}
      </button>
      {onCancel && (
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
