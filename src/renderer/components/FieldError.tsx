/**
 * A form's or setting's problem in words, announced when it appears (role="alert"); nothing when there
 * is none. The one way the renderer shows an inline error under a field or form.
 */
export function FieldError({ error, id }: { error: string | null | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p class="field-error" role="alert" {...(id ? { id } : {})}>
      {error}
    </p>
  );
}
