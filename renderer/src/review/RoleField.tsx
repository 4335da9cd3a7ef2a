/** The "Role" combobox with its hint: the same choice on first start and in Settings. */
import { ROLE_LABELS } from '../../../shared/labels';
import { RoleSchema, type Role } from '../../../shared/workflow/roles';

export function RoleField({ id, value, onChange, hint }: { id: string; value: Role; onChange: (role: Role) => void; hint: string }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Role
      </label>
      <select id={id} className="field-select" value={value} onChange={(event) => onChange(event.target.value as Role)}>
        {RoleSchema.options.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </select>
      <p className="field-hint">{hint}</p>
    </div>
  );
}
