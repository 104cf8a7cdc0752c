interface FieldErrorProps {
  id: string;
  message: string | null;
}

/** The error under a field; the field points at it with aria-describedby. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <span className="error-icon" aria-hidden="true">
        !
      </span>
      {message}
    </p>
  );
}
