import { cx } from "./cx";

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600";

function controlClasses(invalid: boolean): string {
  return cx(control, invalid ? "border-red-600" : "border-slate-300");
}

type FieldShellProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** No "*" or "(optional)": a group's legend says what is needed (e.g. "Email or phone (at least one)"). */
  unmarked?: boolean;
  children: React.ReactNode;
};

/** Label, optional hint and error around one control; ids wire them up for screen readers. */
export function FieldShell({ id, label, hint, error, required, unmarked, children }: FieldShellProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {unmarked ? null : required ? <span className="text-red-700"> *</span> : <span className="font-normal text-slate-600"> (optional)</span>}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** A field's error line (nothing without an error); `id` is what the control's aria-describedby names. */
export function FieldError({ id, children }: { id?: string; children?: React.ReactNode }) {
  return children ? (
    <p id={id} className="text-sm font-medium text-red-700">
      {children}
    </p>
  ) : null;
}

/** What every control gets: its name (the id unless given), and its hint and error wired up for screen readers. */
export function controlProps({ id, hint, error, required, name }: Common & { required?: boolean; name?: string }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return { id, name: name ?? id, required, "aria-invalid": error ? true : undefined, "aria-describedby": described.length ? described.join(" ") : undefined };
}

type Common = { id: string; label: string; hint?: string; error?: string };

export function TextField({ id, label, hint, error, required, unmarked, className, ...rest }: Common & { unmarked?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} unmarked={unmarked}>
      <input
        {...controlProps({ id, label, hint, error, required, name: rest.name })}
        className={cx(controlClasses(Boolean(error)), className)}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextArea({ id, label, hint, error, required, className, ...rest }: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        {...controlProps({ id, label, hint, error, required, name: rest.name })}
        className={cx(controlClasses(Boolean(error)), "min-h-28", className)}
        {...rest}
      />
    </FieldShell>
  );
}

type Option = { value: string; label: string };

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  options,
  placeholder,
  className,
  ...rest
}: Common & { options: Option[]; placeholder?: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        {...controlProps({ id, label, hint, error, required, name: rest.name })}
        className={cx(controlClasses(Boolean(error)), className)}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A file chooser for photos and PDFs (the checks that count are the server's: lib/attachments). */
export function FileField({ id, label, hint, error, className, ...rest }: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        {...controlProps({ id, label, hint, error, name: rest.name })}
        type="file"
        className={cx(
          "block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100",
          className,
        )}
        {...rest}
      />
    </FieldShell>
  );
}
